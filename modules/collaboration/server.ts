import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type WebSocketLike } from "@hocuspocus/server";
import crossws from "crossws/adapters/node";
import * as Y from "yjs";
import type { DB } from "../../db/client";
import type { DocJSON } from "../documents/json";
import { InvalidError } from "../shared/errors";
import type { AttendanceRecorder, CollabContext, LiveAccessRule } from "./access";
import type { BreakRule } from "./break-guard";
import { derivedFacts } from "./extensions/derived-facts";
import { loadedDocuments } from "./extensions/documents";
import { durableLog } from "./extensions/durable-log";
import { serverIdentity } from "./extensions/server-identity";
import { sessionAccess } from "./extensions/session-access";
import { sizeLimits } from "./extensions/size-limits";
import { updateGuards } from "./extensions/update-guards";
import { type LockedPartsRule, lockRefusal } from "./lock-guard";
import { addressedToModule } from "./messages";
import type { ProcessLink } from "./process-link";
import { CLOSE_REASONS, COLLAB_PATH, documentNameFor, MAX_MESSAGE_BYTES, moduleIdFromDocumentName } from "./protocol";
import { closeSocket } from "./refusal";
import { loadDocumentJSON, refreshFacts } from "./store";
import { yDocToJSON } from "./ydoc";

/** What the rest of the server may ask of the live collaboration layer (through the load context). */
export type CollabControl = {
  /**
   * Checks live connections again after an access change: a person's (on one module, or on all),
   * or everyone's on a module. A connection whose access is gone is closed with "access removed"; one
   * whose access changed reconnects and follows what its person may do now; the rest are untouched.
   */
  recheck(who: { userId?: string; moduleId?: string }): void;
  /**
   * Applies a server-side change as a new edit, seen live by everyone connected. For an edit (a
   * restore), locks and breaks hold as for any editor: it is refused before anything is applied.
   * Withdrawing consent (a storyteller taking back their story) is never held back by either.
   */
  change(moduleId: string, userId: string, edit: (doc: Y.Doc) => void, purpose?: ChangePurpose): Promise<void>;
  /** The current document: the live one when loaded, otherwise from the store. */
  current(moduleId: string): DocJSON;
  /** Who has the module's editor open now, each person once. */
  present(moduleId: string): string[];
  /** Runs pending compaction and fact updates for a module now (before a sign-off or publish). */
  settle(moduleId: string): Promise<void>;
  /** Tells every open editor of a module that something beside the document changed (comments…). */
  notify(moduleId: string, what: "comments" | "review" | "locks" | "session"): void;
};

/**
 * What the use cases of the co-production features may ask of the live documents: read one, bring its
 * facts (and so its revision) up to date, or change it. Routes hand them the collaboration layer.
 */
export type LiveDocuments = Pick<CollabControl, "current" | "settle" | "change" | "present">;

/** Why the server changes a document itself: an edit such as a restore, or a withdrawal of consent. */
export type ChangePurpose = "edit" | "consent";

const LOCKED_CHANGE = "Part of this module is locked, and bringing back that version would change it. Unlock it first.";
const CHANGE_ON_BREAK =
  "The session is on a break, so the module stays as it is until it resumes. Bring back that version after the break.";

/** WebSocket.OPEN (Node 20 has no global WebSocket to read it from). */
const SOCKET_OPEN = 1;

export function createCollaboration({
  db,
  secret,
  access,
  locks,
  breaks,
  attended,
  clock = () => new Date(),
  link,
}: {
  db: DB;
  secret: string;
  access: LiveAccessRule;
  locks: LockedPartsRule;
  /** Whether a module's workshop session is on a break, when no change to it is taken. */
  breaks: BreakRule;
  /** Told of each person as they open a module's editor, for the summary of a session running on it. */
  attended: AttendanceRecorder;
  /** The time by which breaks are judged (tests move it). */
  clock?: () => Date;
  /** The other processes serving the same database, when there are any (ADR 21). */
  link?: ProcessLink;
}) {
  const documents = loadedDocuments();
  const log = durableLog({ db, documents });

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "alongside",
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    // Hocuspocus runs each hook through the extensions in this order (none sets a priority, so none
    // moves). Where two share a hook the order is the behaviour: a message whose session has ended is
    // refused before anything else looks at it; the update guards refuse a message
    // for what it is (malformed, a reviewer's edit, unsupported content) before the size limit can
    // call it "document full", and on each store the log is compacted, resetting the byte count the
    // size limit reads, before the facts are refreshed, so a store that fails to compact stops there.
    // The Redis extension, when processes are linked, sets a higher priority and so runs first: its
    // store lock lets only one process store a document at a time.
    extensions: [
      ...(link ? [link.extension] : []),
      sessionAccess({ db, secret, access, attended }),
      updateGuards({ db, locks, breaks, clock }),
      sizeLimits(documents),
      log,
      serverIdentity(),
      derivedFacts({ db, documents }),
    ],
  });

  const connections = new Map<string, ReturnType<Hocuspocus["handleConnection"]>>();
  const ws = crossws({
    serverOptions: { maxPayload: MAX_MESSAGE_BYTES },
    hooks: {
      open(peer) {
        connections.set(peer.id, hocuspocus.handleConnection(peer.websocket as WebSocketLike, peer.request));
      },
      message(peer, message) {
        // Once the server has started closing a socket (a removed person, a malformed message), frames
        // still in flight from it must not reach the document: ws keeps emitting them until the close
        // handshake completes.
        if (peer.websocket.readyState !== SOCKET_OPEN) return;
        const data = message.uint8Array();
        if (!addressedToModule(data)) {
          peer.close(4400, CLOSE_REASONS.malformed);
          return;
        }
        connections.get(peer.id)?.handleMessage(data);
      },
      close(peer, details) {
        connections.get(peer.id)?.handleClose({ code: details.code ?? 1000, reason: details.reason ?? "" });
        connections.delete(peer.id);
      },
      error(peer) {
        connections.get(peer.id)?.handleClose({ code: 1011, reason: "error" });
        connections.delete(peer.id);
      },
    },
  });

  /** Only same-origin upgrades to /collab are accepted; every other upgrade is dropped. */
  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const origin = req.headers.origin;
    let sameOrigin = true;
    if (origin) {
      try {
        sameOrigin = new URL(origin).host === req.headers.host;
      } catch {
        sameOrigin = false;
      }
    }
    if (url.pathname !== COLLAB_PATH || !sameOrigin) {
      socket.destroy();
      return;
    }
    ws.handleUpgrade(req, socket, head);
  }

  /** Tries the change on a copy and judges it as the update guard would judge an editor's update. */
  function refuseLockedChange(document: Y.Doc, moduleId: string, edit: (doc: Y.Doc) => void) {
    const locked = locks(db, moduleId);
    if (locked.length === 0) return;
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
      const before = Y.encodeStateVector(copy);
      copy.transact(() => edit(copy));
      const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(copy, before));
      if (lockRefusal(document, decoded, () => copy, locked)) throw new InvalidError(LOCKED_CHANGE);
    } finally {
      copy.destroy();
    }
  }

  /** Checks this process's connections again; `control.recheck` also asks the other processes to. */
  function recheckHere({ userId, moduleId }: { userId?: string; moduleId?: string }) {
    for (const document of hocuspocus.documents.values()) {
      const documentModule = moduleIdFromDocumentName(document.name);
      if (!documentModule || (moduleId && documentModule !== moduleId)) continue;
      for (const connection of document.getConnections()) {
        const had = connection.context as CollabContext;
        if (userId && had.userId !== userId) continue;
        const now = access(db, documentModule, had.userId);
        if (!now) closeSocket(connection, 4403, CLOSE_REASONS.removed);
        else if (
          now.readOnly !== had.readOnly ||
          now.commentOnly !== had.commentOnly ||
          now.suggestOnly !== had.suggestOnly
        ) {
          closeSocket(connection, 4403, CLOSE_REASONS.changed);
        }
      }
    }
  }

  /** Tells this process's editors of a module; a document open here relays it to the other processes itself. */
  function notifyHere(moduleId: string, payload: string, relayed: boolean) {
    const document = hocuspocus.documents.get(documentNameFor(moduleId));
    if (!document) return false;
    if (relayed) document.relayStateless(payload);
    else document.broadcastStateless(payload);
    return true;
  }

  link?.onMessage((message) => {
    if ("recheck" in message) recheckHere(message.recheck);
    else notifyHere(message.notify.moduleId, message.notify.payload, true);
  });

  const control: CollabControl = {
    recheck(who) {
      recheckHere(who);
      link?.publish({ recheck: who });
    },

    async change(moduleId, userId, edit, purpose = "edit") {
      if (purpose === "edit" && breaks(db, moduleId, clock())) throw new InvalidError(CHANGE_ON_BREAK);
      const direct = await hocuspocus.openDirectConnection(documentNameFor(moduleId), {
        userId,
        name: "",
        orgId: "",
        moduleId,
        readOnly: false,
        commentOnly: false,
        suggestOnly: false,
      });
      try {
        if (direct.document && purpose === "edit") refuseLockedChange(direct.document, moduleId, edit);
        await direct.transact((doc) => edit(doc));
      } finally {
        await direct.disconnect();
      }
    },

    current(moduleId) {
      const live = hocuspocus.documents.get(documentNameFor(moduleId));
      return live ? yDocToJSON(live) : loadDocumentJSON(db, moduleId);
    },

    present(moduleId) {
      const live = hocuspocus.documents.get(documentNameFor(moduleId));
      const people = new Set<string>();
      for (const connection of live?.getConnections() ?? []) people.add((connection.context as CollabContext).userId);
      return [...people];
    },

    notify(moduleId, what) {
      const payload = JSON.stringify({ changed: what });
      // With the document open here, the Redis extension carries the broadcast to the other copies.
      if (!notifyHere(moduleId, payload, false)) link?.publish({ notify: { moduleId, payload } });
    },

    async settle(moduleId) {
      const live = hocuspocus.documents.get(documentNameFor(moduleId));
      const json = live ? yDocToJSON(live) : loadDocumentJSON(db, moduleId);
      refreshFacts(db, moduleId, json, null, new Date());
    },
  };

  /**
   * Shutdown: stop taking changes, run every pending store, and fold every loaded document's log
   * into its compacted state. The update log is already durable; this only tidies it.
   */
  async function shutdown() {
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    const deadline = Date.now() + 5_000;
    while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    log.compactLoaded();
    await link?.close();
  }

  return { hocuspocus, handleUpgrade, control, shutdown };
}
