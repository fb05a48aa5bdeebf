import { contextFor } from "../../auth/context";
import * as api from "../../workshop-sessions/index";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";
import type { OrgWorld } from "./world";

/** Everyone on a module sees its running session; only its facilitators run it and read its summaries. */
const AGENDA = [{ kind: "part" as const, title: "Welcome", start: "10:00", minutes: 30 }];

/** The module with a session running, started by its facilitator. */
function running(db: Parameters<typeof storeCollab>[0], on: OrgWorld) {
  return api.startSession(contextFor(db, on.people.facilitator), storeCollab(db), on.moduleId, { agenda: AGENDA });
}

export const cases: CasesFor<typeof api> = {
  liveSession: { allowed: MODULE_READERS, run: (ctx, on) => api.liveSession(ctx, on.moduleId) },
  startSession: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.startSession(ctx, storeCollab(ctx.db), on.moduleId, { agenda: AGENDA }),
  },
  takeBreak: {
    allowed: ["facilitator"],
    run: (ctx, on) => {
      running(ctx.db, on);
      return api.takeBreak(ctx, on.moduleId, { minutes: 10 });
    },
  },
  resumeSession: {
    allowed: ["facilitator"],
    run: (ctx, on) => {
      running(ctx.db, on);
      api.takeBreak(contextFor(ctx.db, on.people.facilitator), on.moduleId, { minutes: 10 });
      return api.resumeSession(ctx, on.moduleId);
    },
  },
  endSession: {
    allowed: ["facilitator"],
    run: (ctx, on) => {
      running(ctx.db, on);
      return api.endSession(ctx, storeCollab(ctx.db), on.moduleId);
    },
  },
  pastSessions: { allowed: ["facilitator"], run: (ctx, on) => api.pastSessions(ctx, on.moduleId) },
  sessionSummary: {
    allowed: ["facilitator"],
    run: (ctx, on) => {
      const { id } = running(ctx.db, on);
      api.endSession(contextFor(ctx.db, on.people.facilitator), storeCollab(ctx.db), on.moduleId);
      return api.sessionSummary(ctx, on.moduleId, id);
    },
  },
};
