import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type Connection, Hocuspocus, isTransactionOrigin, type WebSocketLike } from "@hocuspocus/server";
import crossws from "crossws/adapters/node";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import type { DB } from "../../db/client";
import { sessionTokenFrom } from "../accounts/cookie";
import type { DocJSON } from "../documents/json";
import { type CollabContext, collabAccess, type LiveAccessRule } from "./access";
import {
  CLOSE_REASONS,
  COLLAB_PATH,
  colourFor,
  documentNameFor,
  liveAccessOf,
  MAX_DOCUMENT_BYTES,
  MAX_MESSAGE_BYTES,
  moduleIdFromDocumentName,
} from "./protocol";
import { REFUSALS, type Refusal } from "./refusal";
import { repairDocument } from "./repair";
import { reviewerRefusal } from "./reviewer-guard";
import { schemaRefusal } from "./schema-guard";
import { appendUpdate, compactDocument, loadDocumentJSON, readStoredDocument, refreshFacts } from "./store";
import { type DecodedUpdate, documentAfter } from "./update-shape";
import { yDocToJSON } from "./ydoc";

/** What the rest of the server may ask of the live collaboration layer (through the load context). */
export type CollabControl = {
  /**
   * Checks live connections again after an access change: a person's (on one module, or on all),
   * or everyone's on a module. A connection whose access is gone is closed with "access removed"; one
   * whose access changed reconnects and follows what its person may do now; the rest are untouched.
   */
  recheck(who: { userId?: string; moduleId?: string }): void;
  /** Applies a server-side change (a restore) as a new edit, seen live by everyone connected. */
  change(moduleId: string, userId: string, edit: (doc: Y.Doc) => void): Promise<void>;
  /** The current document: the live one when loaded, otherwise from the store. */
  current(moduleId: string): DocJSON;
  /** Runs pending compaction and fact updates for a module now (before a sign-off or publish). */
  settle(moduleId: string): Promise<void>;
  /** Tells every open editor of a module that something beside the document changed (comments…). */
  notify(moduleId: string, what: "comments" | "review"): void;
};

/**
 * What the use cases of the co-production features may ask of the live documents: read one, bring its
 * facts (and so its revision) up to date, or change it. Routes hand them the collaboration layer.
 */
export type LiveDocuments = Pick<CollabControl, "current" | "settle" | "change">;

type Loaded = { moduleId: string; bytes: number };

// y-protocols message types (see y-protocols/sync and Hocuspocus's MessageType).
const MESSAGE_SYNC = 0;
/** Hocuspocus applies a "sync reply" exactly like a sync message, so it must be checked like one. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** WebSocket.OPEN (Node 20 has no global WebSocket to read it from). */
const SOCKET_OPEN = 1;

/** The Yjs update carried by a raw message, or null when it carries none (awareness, sync step 1…). */
function updateIn(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * Every Hocuspocus message starts with the name of the document it is for. A frame that does not
 * (random bytes, another protocol) is malformed; Hocuspocus itself would queue some of those as
 * messages for a document that never authenticates and keep the socket open.
 */
function addressedToModule(message: Uint8Array): boolean {
  try {
    const address = decoding.readVarString(decoding.createDecoder(message));
    // A session-aware provider sends "documentName\0sessionId".
    return moduleIdFromDocumentName(address.split("\0")[0] ?? "") !== null;
  } catch {
    return false;
  }
}

/**
 * Whether to take an update: reviewers may only move comment anchors, and nobody may store what the
 * editor's schema cannot load. A copy of the document with the update applied is built once, and
 * only when a guard needs it.
 */
function judge(document: Y.Doc, update: Uint8Array, decoded: DecodedUpdate, context: CollabContext): Refusal | null {
  let copy: Y.Doc | null | undefined;
  const after = () => {
    if (copy === undefined) copy = documentAfter(document, update);
    return copy;
  };
  try {
    return (
      (context.commentOnly ? reviewerRefusal(document, decoded, after) : null) ??
      schemaRefusal(document, decoded, after)
    );
  } finally {
    copy?.destroy();
  }
}

function userFrom(origin: unknown): string | null {
  if (!isTransactionOrigin(origin)) return null;
  if (origin.source === "connection") return (origin.connection.context as CollabContext).userId ?? null;
  if (origin.source === "local") return (origin.context as { userId?: string } | undefined)?.userId ?? null;
  return null;
}

/** Closes the whole socket: the provider reconnects, and the fresh connection is checked again. */
function closeSocket(connection: Connection, code: number, reason: string) {
  connection.webSocket.close(code, reason);
}

/** Refuses the message being handled: Hocuspocus closes this client's document with the reason. */
function refuse(connection: Connection, refusal: Refusal): never {
  if (refusal.socket) closeSocket(connection, refusal.code, refusal.reason);
  throw { code: refusal.code, reason: refusal.reason };
}

export function createCollaboration({ db, secret, access }: { db: DB; secret: string; access: LiveAccessRule }) {
  const loaded = new Map<string, Loaded>();

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "alongside",
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,

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

    async onLoadDocument({ document, documentName }) {
      const moduleId = moduleIdFromDocumentName(documentName);
      if (!moduleId) throw { reason: "document-unavailable" };
      try {
        const stored = readStoredDocument(db, moduleId);
        if (!stored.state && stored.updates.length === 0) throw new Error("no stored document");
        Y.transact(document, () => {
          if (stored.state) Y.applyUpdate(document, stored.state);
          for (const u of stored.updates) Y.applyUpdate(document, u.update);
        });
        // A document stored before every change was checked may hold what the editor cannot load:
        // it is repaired now, as a logged change by no one, so every editor and page gets a valid one.
        const repairs: Uint8Array[] = [];
        const collect = (update: Uint8Array) => repairs.push(update);
        document.on("update", collect);
        try {
          if (repairDocument(document)) {
            for (const update of repairs) appendUpdate(db, moduleId, update, null, new Date());
            console.warn(`Module document ${moduleId} held content the editor cannot load; it was removed.`);
          }
        } finally {
          document.off("update", collect);
        }
      } catch (error) {
        // Refuse the connection rather than serve (and later store) an empty or partial document.
        console.error(`Module document ${moduleId} could not be loaded; it was left untouched.`, error);
        throw { reason: "document-unavailable" };
      }
      loaded.set(documentName, { moduleId, bytes: Y.encodeStateAsUpdate(document).byteLength });
    },

    async afterLoadDocument({ document, documentName }) {
      const state = loaded.get(documentName);
      if (!state) return;
      // Yjs emits "update" synchronously while applying an incoming message, before Hocuspocus
      // acknowledges it, so an acknowledged ("Saved") change is already in SQLite.
      document.on("update", (update: Uint8Array, origin: unknown) => {
        appendUpdate(db, state.moduleId, update, userFrom(origin), new Date());
        state.bytes += update.byteLength;
      });
    },

    async beforeHandleMessage({ update: message, documentName, connection, document, context }) {
      let update: Uint8Array | null;
      let decoded: DecodedUpdate | null = null;
      try {
        update = updateIn(message);
        if (update) decoded = Y.decodeUpdate(update);
      } catch {
        refuse(connection, REFUSALS.malformed);
      }
      // Read-only connections never change the document: Hocuspocus answers them "not saved".
      if (!update || !decoded || context.readOnly) return;
      const refusal = judge(document, update, decoded, context);
      if (refusal) refuse(connection, refusal);
      const state = loaded.get(documentName);
      if (state && state.bytes > MAX_DOCUMENT_BYTES && decoded.structs.length > 0) {
        // Full: only changes that remove content are still accepted.
        refuse(connection, REFUSALS.documentFull);
      }
    },

    async beforeHandleAwareness({ states, connection }) {
      // Names and colours come from the server, so no one can appear as someone else.
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

    async onStoreDocument({ document, documentName, lastContext }) {
      const state = loaded.get(documentName);
      if (!state) return;
      const now = new Date();
      // The size limit counts what is stored; updates logged from now on are added as they arrive.
      state.bytes = compactDocument(db, state.moduleId, now) ?? Y.encodeStateAsUpdate(document).byteLength;
      const facts = refreshFacts(db, state.moduleId, yDocToJSON(document), lastContext?.userId ?? null, now);
      // A new revision makes sign-offs stale: open review pages and editors refresh.
      if (facts.changed) document.broadcastStateless(JSON.stringify({ changed: "review" }));
    },

    async afterUnloadDocument({ documentName }) {
      loaded.delete(documentName);
    },
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

  const control: CollabControl = {
    recheck({ userId, moduleId }) {
      for (const document of hocuspocus.documents.values()) {
        const documentModule = moduleIdFromDocumentName(document.name);
        if (!documentModule || (moduleId && documentModule !== moduleId)) continue;
        for (const connection of document.getConnections()) {
          const had = connection.context as CollabContext;
          if (userId && had.userId !== userId) continue;
          const now = access(db, documentModule, had.userId);
          if (!now) closeSocket(connection, 4403, CLOSE_REASONS.removed);
          else if (now.readOnly !== had.readOnly || now.commentOnly !== had.commentOnly) {
            closeSocket(connection, 4403, CLOSE_REASONS.changed);
          }
        }
      }
    },

    async change(moduleId, userId, edit) {
      const direct = await hocuspocus.openDirectConnection(documentNameFor(moduleId), {
        userId,
        name: "",
        orgId: "",
        moduleId,
        readOnly: false,
        commentOnly: false,
      });
      try {
        await direct.transact((doc) => edit(doc));
      } finally {
        await direct.disconnect();
      }
    },

    current(moduleId) {
      const live = hocuspocus.documents.get(documentNameFor(moduleId));
      return live ? yDocToJSON(live) : loadDocumentJSON(db, moduleId);
    },

    notify(moduleId, what) {
      hocuspocus.documents.get(documentNameFor(moduleId))?.broadcastStateless(JSON.stringify({ changed: what }));
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
    const now = new Date();
    for (const state of loaded.values()) compactDocument(db, state.moduleId, now);
  }

  return { hocuspocus, handleUpgrade, control, shutdown };
}
