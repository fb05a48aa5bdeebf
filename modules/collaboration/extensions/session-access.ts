import type { Extension } from "@hocuspocus/server";
import type { DB } from "../../../db/client";
import { sessionTokenFrom } from "../../accounts/cookie";
import { type CollabContext, collabAccess, type LiveAccessRule } from "../access";
import { liveAccessOf, moduleIdFromDocumentName } from "../protocol";

/**
 * Who is connecting, and what they may do: the session cookie and the access rule decide whether a
 * socket may open a module document. What onConnect returns becomes the connection's context, which
 * every later hook reads; a read-only connection never has its changes applied.
 */
export function sessionAccess({
  db,
  secret,
  access,
}: {
  db: DB;
  secret: string;
  access: LiveAccessRule;
}): Extension<CollabContext> {
  return {
    extensionName: "SessionAccess",

    async onConnect({ documentName, requestHeaders, connectionConfig }) {
      const moduleId = moduleIdFromDocumentName(documentName);
      const token = await sessionTokenFrom(requestHeaders.get("cookie"));
      const context = moduleId ? collabAccess(db, secret, access, token, moduleId) : null;
      if (!context) throw { reason: "permission-denied" };
      connectionConfig.readOnly = context.readOnly;
      return context;
    },

    async connected({ connection, context }) {
      // The editor follows this, so a change of role takes effect in an open editor at once.
      connection.sendStateless(JSON.stringify({ access: liveAccessOf(context) }));
    },
  };
}
