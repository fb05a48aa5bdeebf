import type { Extension } from "@hocuspocus/server";
import type { DB } from "../../../db/client";
import type { CollabContext } from "../access";
import { refreshFacts } from "../store";
import { yDocToJSON } from "../ydoc";
import type { LoadedDocuments } from "./documents";

/** On each store, the facts read from the document (and so its revision) are brought up to date. */
export function derivedFacts({ db, documents }: { db: DB; documents: LoadedDocuments }): Extension<CollabContext> {
  return {
    extensionName: "DerivedFacts",

    async onStoreDocument({ document, documentName, lastContext }) {
      const state = documents.get(documentName);
      if (!state) return;
      const facts = refreshFacts(db, state.moduleId, yDocToJSON(document), lastContext?.userId ?? null, new Date());
      // A new revision makes sign-offs stale: open review pages and editors refresh.
      if (facts.changed) document.broadcastStateless(JSON.stringify({ changed: "review" }));
    },
  };
}
