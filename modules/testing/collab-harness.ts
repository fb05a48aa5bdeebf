/**
 * For tests of the collaboration server: a real server on a real HTTP port over a real SQLite file,
 * real providers, hand-written protocol frames, and the people and modules the tests work with.
 */

import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { asc, eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { moduleDocs, moduleDocUpdates } from "../../db/schema";
import { sessionCookie } from "../accounts/cookie";
import { createSession } from "../accounts/sessions";
import { contextFor } from "../auth/context";
import type { ProcessLink } from "../collaboration/process-link";
import { COLLAB_PATH, documentNameFor, FRAGMENT } from "../collaboration/protocol";
import { createCollaboration } from "../collaboration/server";
import { lockedNodeIds } from "../locks/live-locks";
import { actorFor } from "../organisations/service";
import { setCollaborator } from "../workshop/collaborators";
import { moduleLiveAccess } from "../workshop/live-access";
import { createModule } from "../workshop/service";
import { recordAttendance } from "../workshop-sessions/attendance";
import { onBreak } from "../workshop-sessions/live-break";
import { connectCollabClient } from "./collab-client";
import { testDatabase } from "./database";
import { makeOrganisation } from "./fixtures";

export const SECRET = "collaboration-test-secret-0123456789abcdef";
export const WAIT_MS = 10_000;
export const TEST_MS = 60_000;

// Hocuspocus message types and their sub-types, as the provider writes them.
export const MSG_SYNC = 0;
export const MSG_AUTH = 2;
export const MSG_SYNC_REPLY = 4;
export const MSG_CLOSE = 7;
export const MSG_SYNC_STATUS = 8;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;
export const AUTH_TOKEN = 0;
export const AUTH_DENIED = 1;
export const AUTH_OK = 2;

// ---------------------------------------------------------------------------------------------
// Waiting and documents

/** Polls until `probe` returns something truthy, failing with `what` after the timeout. */
export async function until<T>(
  probe: () => T | null | undefined | false,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Rejects if `promise` takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function addParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(FRAGMENT).push([paragraph]);
}

/** The text of each paragraph, in order. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
            .join("")
        : "",
    );
}

export const contains = (doc: Y.Doc, text: string) => paragraphs(doc).some((p) => p.includes(text));

/** The strings a stored update inserts. */
export function insertedTexts(update: Uint8Array): string[] {
  return Y.decodeUpdate(update).structs.flatMap((struct) =>
    struct instanceof Y.Item && struct.content instanceof Y.ContentString ? [struct.content.str] : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Raw WebSocket clients speaking the Hocuspocus protocol by hand

export function frame(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export type Incoming = { type: number; decoder: decoding.Decoder };

export function parseFrame(data: Uint8Array): Incoming {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  return { type: decoding.readVarUint(decoder), decoder };
}

export type RawClient = Awaited<ReturnType<typeof openRawClient>>;

export async function openRawClient(url: string, headers: Record<string, string>) {
  const ws = new WebSocket(url, { headers });
  const received: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // An abrupt close also emits "error" on the client; the close event is what the tests check.
  ws.on("error", () => {});
  await within(
    new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("close", () => reject(new Error("the upgrade was refused")));
    }),
    WAIT_MS,
    "a raw WebSocket to open",
  );
  /** Waits for the first received frame (not yet taken) that `match` accepts. */
  const taken = new Set<number>();
  async function next<T>(match: (message: Incoming) => T | null, what: string): Promise<T> {
    return until(() => {
      for (const [index, data] of received.entries()) {
        if (taken.has(index)) continue;
        const value = match(parseFrame(data));
        if (value !== null) {
          taken.add(index);
          return { value };
        }
      }
      return null;
    }, what).then((found) => found.value);
  }
  return { ws, closed, next };
}

/**
 * Authenticates a raw client on a document as the provider would, then runs the first sync and
 * returns a local copy of the server's document to build real updates from.
 */
export async function authenticateRaw(client: RawClient, documentName: string): Promise<Y.Doc> {
  client.ws.send(
    frame(documentName, (e) => {
      encoding.writeVarUint(e, MSG_AUTH);
      encoding.writeVarUint(e, AUTH_TOKEN);
      encoding.writeVarString(e, "");
    }),
  );
  const outcome = await client.next(({ type, decoder }) => {
    if (type !== MSG_AUTH) return null;
    const sub = decoding.readVarUint(decoder);
    if (sub === AUTH_OK) return "authenticated";
    if (sub === AUTH_DENIED) return `denied: ${decoding.readVarString(decoder)}`;
    return null;
  }, "the authentication answer");
  expect(outcome).toBe("authenticated");

  const local = new Y.Doc();
  client.ws.send(
    frame(documentName, (e) => {
      encoding.writeVarUint(e, MSG_SYNC);
      encoding.writeVarUint(e, SYNC_STEP_1);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(local));
    }),
  );
  const state = await client.next(({ type, decoder }) => {
    if (type !== MSG_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP_2) return null;
    return decoding.readVarUint8Array(decoder);
  }, "the server's sync step 2");
  Y.applyUpdate(local, state);
  return local;
}

export function syncUpdateFrame(documentName: string, update: Uint8Array, messageType = MSG_SYNC): Uint8Array {
  return frame(documentName, (e) => {
    encoding.writeVarUint(e, messageType);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The update that turns `doc` into `doc` plus whatever `change` does (`doc` itself is changed). */
export function updateFrom(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

// ---------------------------------------------------------------------------------------------
// The server, people and modules

export type Client = ReturnType<typeof connectCollabClient>;

/** A collaboration server on its own port; with a link, one of several processes joined through Redis. */
export async function startCollab(
  db: ReturnType<typeof testDatabase>["db"],
  options: { clock?: () => Date; link?: ProcessLink } = {},
) {
  const collab = createCollaboration({
    ...options,
    db,
    secret: SECRET,
    access: moduleLiveAccess(actorFor),
    locks: lockedNodeIds,
    breaks: onBreak,
    attended: recordAttendance,
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  // Upgraded sockets leave the HTTP server's bookkeeping, so they are tracked here to be cut at the end.
  const sockets = new Set<Duplex>();
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    collab.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    collab,
    baseURL,
    wsURL: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Member = ReturnType<ReturnType<typeof makeOrganisation>["member"]>;
type Person = { user: { id: string } };

/**
 * A collaboration server on a fresh database for one test file, with an organisation and its people:
 * a facilitator, Alice and Bob (co-designers on every new module), a reviewer, a learner who is on no
 * module, and a facilitator of another organisation. Registers its own set-up and clean-up hooks.
 * The server judges breaks by `clock` when given (the real time otherwise).
 */
export function collabTestbed(options: { clock?: () => Date } = {}) {
  let database: ReturnType<typeof testDatabase> | null = null;
  let server: Awaited<ReturnType<typeof startCollab>> | null = null;
  const open: { destroy(): void }[] = [];
  const rawSockets: WebSocket[] = [];
  const cookies = new Map<string, string>();
  let people: {
    org: ReturnType<typeof makeOrganisation>;
    facilitator: Member;
    alice: Member;
    bob: Member;
    reviewer: Member;
    learner: Member;
    outsiderOrg: ReturnType<typeof makeOrganisation>;
    outsider: Member;
  } | null = null;

  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is only ready inside a test`);
    return value;
  };
  const dbOf = () => need(database, "The database").db;
  const mainOf = () => need(server, "The server");
  const peopleOf = () => need(people, "The people");

  async function cookieFor(userId: string, orgId: string) {
    const token = createSession(dbOf(), SECRET, userId, orgId, new Date());
    const setCookie = await sessionCookie(false).serialize(token);
    return setCookie.split(";")[0] ?? "";
  }

  beforeAll(async () => {
    database = testDatabase();
    const db = database.db;
    const org = makeOrganisation(db, "Northern Peer Support");
    const outsiderOrg = makeOrganisation(db, "Another Service");
    people = {
      org,
      facilitator: org.member(["facilitator"], "Fran Facilitator"),
      alice: org.member(["co_designer"], "Alice Codesigner"),
      bob: org.member(["co_designer"], "Bob Codesigner"),
      reviewer: org.member(["co_designer"], "Rita Reviewer"),
      learner: org.member(["learner"], "Lee Learner"),
      outsiderOrg,
      outsider: outsiderOrg.member(["facilitator"], "Oscar Outsider"),
    };
    const { facilitator, alice, bob, reviewer, learner, outsider } = people;
    for (const person of [facilitator, alice, bob, reviewer, learner]) {
      cookies.set(person.user.id, await cookieFor(person.user.id, org.org.id));
    }
    cookies.set(outsider.user.id, await cookieFor(outsider.user.id, outsiderOrg.org.id));
    server = await startCollab(db, options);
  });

  afterEach(() => {
    for (const client of open.splice(0)) client.destroy();
    for (const socket of rawSockets.splice(0)) socket.terminate();
  });

  afterAll(async () => {
    // Pending stores run before the database closes.
    await server?.collab.shutdown();
    await server?.stop();
    database?.close();
  });

  const cookieOf = (person: Person) => cookies.get(person.user.id) ?? "";

  function connect(person: Person, moduleId: string, on = mainOf()): Client {
    const client = connectCollabClient({ baseURL: on.baseURL, cookie: cookieOf(person), moduleId });
    open.push(client);
    return client;
  }

  const storedUpdates = (moduleId: string) =>
    dbOf()
      .select()
      .from(moduleDocUpdates)
      .where(eq(moduleDocUpdates.moduleId, moduleId))
      .orderBy(asc(moduleDocUpdates.id))
      .all();

  return {
    get db() {
      return dbOf();
    },
    get main() {
      return mainOf();
    },
    get people() {
      return peopleOf();
    },
    cookieOf,

    /** A fresh module, with Alice and Bob as co-designers and the reviewer as a reviewer. */
    newModule(title = "Holding boundaries") {
      const { org, facilitator, alice, bob, reviewer } = peopleOf();
      const db = dbOf();
      const { id } = createModule(db, {
        orgId: org.org.id,
        createdBy: facilitator.user.id,
        title,
        topic: "boundaries",
        customTopic: "",
        summary: "",
        estimatedMinutes: 20,
      });
      setCollaborator(contextFor(db, facilitator.actor), id, alice.user.id, "co_designer");
      setCollaborator(contextFor(db, facilitator.actor), id, bob.user.id, "co_designer");
      setCollaborator(contextFor(db, facilitator.actor), id, reviewer.user.id, "reviewer");
      return id;
    },

    connect,

    async connectSynced(person: Person, moduleId: string, on = mainOf()) {
      const client = connect(person, moduleId, on);
      await within(client.synced, WAIT_MS, "the client to sync");
      return client;
    },

    /** A provider with no cookie at all, or for any document name. */
    connectBare(documentName: string, headers: Record<string, string> = {}) {
      const WebSocketWithHeaders = class extends WebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      };
      const websocketProvider = new HocuspocusProviderWebsocket({
        url: mainOf().wsURL,
        WebSocketPolyfill: WebSocketWithHeaders,
      });
      const provider = new HocuspocusProvider({ websocketProvider, name: documentName, document: new Y.Doc() });
      provider.attach();
      open.push({
        destroy() {
          provider.destroy();
          websocketProvider.destroy();
        },
      });
      return provider;
    },

    /** The first close a provider sees (its socket closing, or the server closing its document). */
    nextClose(client: Client) {
      return new Promise<{ code: number; reason: string }>((resolve) => {
        client.provider.on("close", ({ event }: { event: { code: number; reason: string } }) =>
          resolve({ code: event.code, reason: String(event.reason) }),
        );
      });
    },

    /** A hand-driven WebSocket, signed in as `person` when given. */
    async raw(person?: Person, on = mainOf()) {
      const headers: Record<string, string> = { Origin: on.baseURL };
      if (person) headers.Cookie = cookieOf(person);
      const client = await openRawClient(on.wsURL, headers);
      rawSockets.push(client.ws);
      return client;
    },

    serverDoc: (moduleId: string, on = mainOf()) => on.collab.hocuspocus.documents.get(documentNameFor(moduleId)),

    storedUpdates,

    /** The stored update rows that insert `text`. */
    rowsInserting: (moduleId: string, text: string) =>
      storedUpdates(moduleId).filter((row) => insertedTexts(row.update).some((s) => s.includes(text))),

    storedDoc: (moduleId: string) => dbOf().select().from(moduleDocs).where(eq(moduleDocs.moduleId, moduleId)).get(),
  };
}

/** The text item of the `index`-th top-level paragraph. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(FRAGMENT).get(index);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} has no text`);
  return text;
}

/**
 * Anchors a comment thread on `length` characters of a paragraph's text, as the editor does: an
 * overlapping mark is stored under its name with a suffix, so several comments can share words.
 */
export function anchorComment(doc: Y.Doc, paragraph: number, from: number, length: number, threadId: string) {
  const suffix = Buffer.from(threadId).toString("base64").slice(0, 8);
  paragraphText(doc, paragraph).format(from, length, { [`comment--${suffix}`]: { threadId } });
}

/** The words anchored to a thread, read the way the server reads the document. */
export function anchoredWords(doc: Y.Doc, threadId: string): string {
  return doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray() : []))
    .flatMap((child) => (child instanceof Y.XmlText ? child.toDelta() : []))
    .filter((run: { attributes?: Record<string, { threadId?: string }> }) =>
      Object.values(run.attributes ?? {}).some((value) => value?.threadId === threadId),
    )
    .map((run: { insert: string }) => run.insert)
    .join("");
}
