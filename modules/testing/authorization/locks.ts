import type * as Y from "yjs";
import { contextFor } from "../../auth/context";
import { FRAGMENT } from "../../collaboration/protocol";
import { jsonToYDoc } from "../../collaboration/ydoc";
import * as api from "../../locks/index";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";
import type { OrgWorld } from "./world";

/** Everyone on a module sees its locks and their history; only its facilitators lock and unlock parts. */
const PART = "agreed-section";

/** The module with a section to lock, written as an editor's change would arrive. */
async function withSection(db: Parameters<typeof storeCollab>[0], on: OrgWorld) {
  const documents = storeCollab(db);
  await documents.change(on.moduleId, on.people.facilitator.userId, (doc) => {
    const section = jsonToYDoc({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2, id: PART }, content: [{ type: "text", text: "What we agreed" }] },
      ],
    });
    doc.getXmlFragment(FRAGMENT).push([section.getXmlFragment(FRAGMENT).get(0).clone() as Y.XmlElement]);
  });
  return documents;
}

export const cases: CasesFor<typeof api> = {
  moduleLocks: { allowed: MODULE_READERS, run: (ctx, on) => api.moduleLocks(ctx, storeCollab(ctx.db), on.moduleId) },
  lockHistory: { allowed: MODULE_READERS, run: (ctx, on) => api.lockHistory(ctx, on.moduleId) },
  lockPart: {
    allowed: ["facilitator"],
    run: async (ctx, on) => api.lockPart(ctx, await withSection(ctx.db, on), on.moduleId, { nodeId: PART, reason: "" }),
  },
  unlockPart: {
    allowed: ["facilitator"],
    run: async (ctx, on) => {
      const documents = await withSection(ctx.db, on);
      api.lockPart(contextFor(ctx.db, on.people.facilitator), documents, on.moduleId, { nodeId: PART, reason: "" });
      return api.unlockPart(ctx, on.moduleId, { nodeId: PART });
    },
  },
};
