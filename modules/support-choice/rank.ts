import type { Nation, Population } from "../organisations/index";

export type SupportChoice = { nation: Nation | null; populations: Population[] };

type Placed = { nations: readonly string[]; populations: readonly string[] };

/**
 * How well a resource fits the person's choice: 2 for each of their nation and their groups it is
 * for by name, 1 for UK-wide or everyone, 0 for another nation or other groups. An unanswered
 * question counts every resource as fitting it broadly.
 */
function fitOf(resource: Placed, choice: SupportChoice) {
  const place = choice.nation
    ? resource.nations.includes(choice.nation)
      ? 2
      : resource.nations.includes("uk")
        ? 1
        : 0
    : 1;
  const groups =
    choice.populations.length > 0
      ? choice.populations.some((p) => resource.populations.includes(p))
        ? 2
        : resource.populations.includes("everyone")
          ? 1
          : 0
      : 1;
  return { place, groups };
}

/**
 * The resources in the order to show this person: those for their nation or their groups by name
 * first (both before one), then the UK-wide ones for everyone, then the rest, each band in the
 * organisation's own order. Nothing is hidden: a service for another nation may still help.
 */
export function rankForChoice<R extends Placed>(resources: readonly R[], choice: SupportChoice | null): R[] {
  if (!choice) return [...resources];
  const band = (r: R) => {
    const { place, groups } = fitOf(r, choice);
    if (place === 0 || groups === 0) return 3;
    return 4 - place - groups; // 0: both by name, 1: one by name, 2: UK-wide and for everyone
  };
  return resources
    .map((r, i) => ({ r, i, band: band(r) }))
    .sort((a, b) => a.band - b.band || a.i - b.i)
    .map(({ r }) => r);
}

/** Whether a resource is shown first because it is for the person's nation or one of their groups by name. */
export function fitsByName(resource: Placed, choice: SupportChoice | null): boolean {
  if (!choice) return false;
  const { place, groups } = fitOf(resource, choice);
  return place > 0 && groups > 0 && (place === 2 || groups === 2);
}
