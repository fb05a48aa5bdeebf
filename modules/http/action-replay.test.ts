import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { handOver, withReplayedActions } from "./action-replay";

/** A build with two routes that count how often their actions really run. */
function countingBuild() {
  const runs = { page: 0, other: 0 };
  const route = (id: keyof typeof runs) => ({
    id,
    path: id,
    module: {
      default: () => null,
      action: async () => {
        runs[id] += 1;
        return { ran: id };
      },
    },
  });
  const build = { routes: { page: route("page"), other: route("other"), plain: { id: "plain", module: {} } } };
  return { build: build as unknown as ServerBuild, runs };
}

const actionOf = (build: ServerBuild, id: string) =>
  build.routes[id]?.module.action as (args: { context: unknown }) => Promise<unknown>;

describe("withReplayedActions", () => {
  it("gives back what the lean path's run returned, once, without running the action again", async () => {
    const { build, runs } = countingBuild();
    const replayed = withReplayedActions(build);
    const context = {};
    handOver(context, { routeId: "page", returned: { errors: { form: "Choose an answer." } } });
    expect(await actionOf(replayed, "page")({ context })).toEqual({ errors: { form: "Choose an answer." } });
    expect(runs.page).toBe(0);
    // Handed over once only: the same context asked again runs the action as usual.
    expect(await actionOf(replayed, "page")({ context })).toEqual({ ran: "page" });
    expect(runs.page).toBe(1);
  });

  it("throws again what the lean path's run threw", async () => {
    const { build, runs } = countingBuild();
    const replayed = withReplayedActions(build);
    const context = {};
    const refusal = new Response(null, { status: 404 });
    handOver(context, { routeId: "page", threw: refusal });
    await expect(actionOf(replayed, "page")({ context })).rejects.toBe(refusal);
    expect(runs.page).toBe(0);
  });

  it("refuses to run another route's action in place of the one that ran", async () => {
    const { build, runs } = countingBuild();
    const replayed = withReplayedActions(build);
    const context = {};
    handOver(context, { routeId: "page", returned: null });
    await expect(actionOf(replayed, "other")({ context })).rejects.toThrow(/ran the action of page/);
    expect(runs).toEqual({ page: 0, other: 0 });
  });

  it("runs actions as usual when nothing was handed over, and leaves routes without one alone", async () => {
    const { build, runs } = countingBuild();
    const replayed = withReplayedActions(build);
    expect(await actionOf(replayed, "other")({ context: {} })).toEqual({ ran: "other" });
    expect(runs.other).toBe(1);
    expect(replayed.routes.plain).toBe(build.routes.plain);
    expect(build.routes.page?.module.action).not.toBe(replayed.routes.page?.module.action);
  });
});
