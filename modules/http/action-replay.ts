import type { ServerBuild } from "@remix-run/node";

/**
 * An action must run once. The lean path (ADR 42) runs a learner page's action itself and sends a
 * redirect, its usual answer, at once. Any other outcome (a form's messages, a refusal, an error)
 * is Remix's to render, so the lean path hands the request on with what the action gave or threw,
 * and Remix's copy of that route's action gives back that outcome instead of running again.
 */
export type ActionOutcome = { routeId: string } & ({ returned: unknown } | { threw: unknown });

/** Keyed by the request's load context: one object per request, shared by both paths. */
const pending = new WeakMap<object, ActionOutcome>();

export function handOver(context: object, outcome: ActionOutcome) {
  pending.set(context, outcome);
}

type ActionArgs = { context: unknown };
type Action = (args: ActionArgs) => unknown;

function replaying(routeId: string, action: Action): Action {
  return async (args) => {
    const outcome = typeof args.context === "object" && args.context ? pending.get(args.context) : undefined;
    if (!outcome) return action(args);
    pending.delete(args.context as object);
    // Remix picked another route's action than the lean path ran: running it too would be a second action.
    if (outcome.routeId !== routeId) {
      throw new Error(`the lean path ran the action of ${outcome.routeId}, and Remix asked for ${routeId}'s`);
    }
    if ("threw" in outcome) throw outcome.threw;
    return outcome.returned;
  };
}

/** The build as Remix is given it: the same, but each action gives back a handed-over outcome. */
export function withReplayedActions(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const action = route.module.action as Action | undefined;
      if (!action) return [id, route];
      return [id, { ...route, module: { ...route.module, action: replaying(id, action) } }];
    }),
  ) as ServerBuild["routes"];
  return { ...build, routes };
}
