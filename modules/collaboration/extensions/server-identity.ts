import type { Extension } from "@hocuspocus/server";
import type { CollabContext } from "../access";
import { colourFor } from "../protocol";

/** Names and colours in awareness come from the server, so no one can appear as someone else. */
export function serverIdentity(): Extension<CollabContext> {
  return {
    extensionName: "ServerIdentity",

    async beforeHandleAwareness({ states, connection }) {
      const context = connection?.context;
      if (!context) return;
      for (const [clientId, state] of states) {
        if (!state) continue;
        states.set(clientId, {
          ...state,
          user: { id: context.userId, name: context.name, color: colourFor(context.userId) },
        });
      }
    },
  };
}
