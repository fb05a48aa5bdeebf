import type * as Y from "yjs";
import { contextFor } from "../../auth/context";
import { FRAGMENT } from "../../collaboration/protocol";
import { jsonToYDoc } from "../../collaboration/ydoc";
import * as api from "../../comments/index";
import { EMPTY_DOC } from "../../documents/json";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";
import type { OrgWorld } from "./world";

/** The module's collaborators read and write its comments; its facilitators hide them. */
const ON_MODULE = ["facilitator", "co_designer", "reviewer"] as const;

/** The module with words the co-designer suggested adding, written as their editor's change would arrive. */
async function withSuggestion(db: Parameters<typeof storeCollab>[0], on: OrgWorld) {
  const documents = storeCollab(db);
  const suggestionId = `${on.people.co_designer.userId}:suggested1`;
  await documents.change(on.moduleId, on.people.co_designer.userId, (doc) => {
    const added = jsonToYDoc({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Take a break.", marks: [{ type: "insertion", attrs: { id: suggestionId } }] },
          ],
        },
      ],
    });
    doc.getXmlFragment(FRAGMENT).push([added.getXmlFragment(FRAGMENT).get(0).clone() as Y.XmlElement]);
  });
  return { documents, suggestionId };
}

export const cases: CasesFor<typeof api> = {
  moduleThreads: { allowed: MODULE_READERS, run: (ctx, on) => api.moduleThreads(ctx, on.moduleId, EMPTY_DOC) },
  startThread: {
    allowed: ON_MODULE,
    run: (ctx, on) => api.startThread(ctx, on.moduleId, { quote: "relationship", body: "Which kind?" }),
  },
  reply: { allowed: ON_MODULE, run: (ctx, on) => api.reply(ctx, on.moduleId, on.threadId, "I think so.") },
  setResolved: { allowed: ON_MODULE, run: (ctx, on) => api.setResolved(ctx, on.moduleId, on.threadId, true) },
  hideComment: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.hideComment(ctx, on.moduleId, on.commentId, "Not for this module."),
  },
  replyToSuggestion: {
    allowed: ON_MODULE,
    run: async (ctx, on) => {
      const { documents, suggestionId } = await withSuggestion(ctx.db, on);
      return api.replyToSuggestion(ctx, documents, on.moduleId, suggestionId, "Why here?");
    },
  },
  // A facilitator, or the person who suggested it (here the co-designer), says what became of it.
  settleSuggestionThread: {
    allowed: ["facilitator", "co_designer"],
    run: async (ctx, on) => {
      const { documents, suggestionId } = await withSuggestion(ctx.db, on);
      api.replyToSuggestion(contextFor(ctx.db, on.people.facilitator), documents, on.moduleId, suggestionId, "Yes.");
      return api.settleSuggestionThread(ctx, on.moduleId, suggestionId, "accepted");
    },
  },
  markRead: { allowed: MODULE_READERS, run: (ctx, on) => api.markRead(ctx, on.moduleId) },
};
