import * as api from "../../history/index";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** Everyone on a module reads its history; collaborators take snapshots; its facilitators restore one. */
const ON_MODULE = ["facilitator", "co_designer", "reviewer"] as const;

export const cases: CasesFor<typeof api> = {
  listSnapshots: { allowed: MODULE_READERS, run: (ctx, on) => api.listSnapshots(ctx, on.moduleId) },
  snapshotPage: { allowed: MODULE_READERS, run: (ctx, on) => api.snapshotPage(ctx, on.moduleId, on.snapshotId) },
  restoredSnapshot: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.restoredSnapshot(ctx, on.moduleId, on.snapshotId),
  },
  takeSnapshot: {
    allowed: ON_MODULE,
    run: (ctx, on) => api.takeSnapshot(ctx, storeCollab(ctx.db), on.moduleId, "Before the second workshop"),
  },
  restoreSnapshot: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.restoreSnapshot(ctx, storeCollab(ctx.db), on.moduleId, on.snapshotId),
  },
  compareVersions: {
    allowed: MODULE_READERS,
    run: (ctx, on) =>
      api.compareVersions(ctx, storeCollab(ctx.db), on.moduleId, {
        from: { kind: "snapshot", id: on.snapshotId },
        to: { kind: "current" },
      }),
  },
};
