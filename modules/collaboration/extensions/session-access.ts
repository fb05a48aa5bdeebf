import type { Extension } from "@hocuspocus/server";
import type { DB } from "../../../db/client";
import { sessionTokenFrom } from "../../accounts/cookie";
import { readSession } from "../../accounts/sessions";
import { type AttendanceRecorder, type CollabContext, collabAccess, type LiveAccessRule } from "../access";
import { liveAccessOf, moduleIdFromDocumentName } from "../protocol";
import { REFUSALS, refuse } from "../refusal";

/**
 * Who is connecting, and what they may do: the session cookie and the access rule decide whether a
 * socket may open a module document. What onConnect returns becomes the connection's context, which
 * every later hook reads; a read-only connection never has its changes applied.
 */
export function sessionAccess({
  db,
  secret,
  access,
  attended,
}: {
  db: DB;
  secret: string;
  access: LiveAccessRule;
  attended: AttendanceRecorder;
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

    /**
     * Every message is the person at work, though no page loads: reading the session keeps it from
     * going idle (it is written at most once a minute), and a session that ended, signed out from
     * another device or past its timeouts, closes the socket before the message is applied.
     */
    async beforeHandleMessage({ requestHeaders, connection }) {
      const token = await sessionTokenFrom(requestHeaders.get("cookie"));
      if (!token || !readSession(db, secret, token, new Date())) refuse(connection, REFUSALS.signedOut);
    },

    async connected({ connection, context }) {
      // The editor follows this, so a change of role takes effect in an open editor at once.
      connection.sendStateless(JSON.stringify({ access: liveAccessOf(context) }));
      // Opening the editor is being there, watching included, so a running session's summary names them.
      attended(db, context.moduleId, context.userId);
    },
  };
}
