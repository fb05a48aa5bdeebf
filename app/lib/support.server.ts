import type { AppLoadContext } from "@remix-run/node";
import { contextOf, currentActor } from "./auth.server";
import { organisations, supportChoice } from "./domain.server";
import { visitorSupportChoice } from "./visitor-support-choice.server";

/**
 * The support resources for whoever is asking: their organisation's list, what fits their own choice
 * first, or the UK defaults for someone not signed in (or in no organisation), what fits the choice
 * kept in their browser first. This page never requires logging in.
 */
export async function supportFor(request: Request, context: AppLoadContext) {
  const current = await currentActor(request, context);
  if (!current?.actor) {
    const choice = await visitorSupportChoice(request);
    const resources = supportChoice.supportNowForVisitor(choice);
    return { signedIn: false, organisation: null, choice, choiceLabels: choiceLabels(choice), resources };
  }
  const now = supportChoice.supportNowForMe(contextOf(context, current.actor));
  return { signedIn: true, ...now, choiceLabels: choiceLabels(now.choice) };
}

/** A choice in the words the person picked it in. */
export function choiceLabels(choice: supportChoice.SupportChoice | null): string[] {
  if (!choice) return [];
  return [
    ...(choice.nation ? [organisations.NATION_LABELS[choice.nation]] : []),
    ...choice.populations.map((p) => organisations.POPULATION_LABELS[p]),
  ];
}

/** Every nation and group with its label, for the forms that choose among them. */
export function placeOptions() {
  return {
    nations: organisations.NATIONS.map((value) => ({ value, label: organisations.NATION_LABELS[value] })),
    groups: organisations.POPULATIONS.map((value) => ({ value, label: organisations.POPULATION_LABELS[value] })),
  };
}
