/**
 * Co-editing at scale: many open documents with a few idle editors each, and some active editors
 * among them, on the real built server.
 *
 *   npm run build && npm run bench:collab-scale
 *
 * A fresh demo database gets BENCH_DOCS modules (1,000), each with the demo facilitator and one
 * co-designer on it. BENCH_IDLE editors (2) open every module and stay idle; they share a few
 * WebSockets, as the provider can put many documents on one. Then on BENCH_ACTIVE_DOCS of the modules
 * (25), two more editors each (50 in all) type BENCH_RATE words a second between them (50) for
 * BENCH_EDITS words (500). Latency = from a writer's change until the other active editor on that
 * module has it. The server's resident memory (from /proc) is read before any editor connects, with
 * every document open, and some seconds after everyone has left, when documents nobody has open
 * should be unloaded; the server also reports its event-loop lag over the typing and its heap.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { closeDatabase, openDatabase } from "../../db/client";
import { findUserByEmail } from "../../modules/accounts/service";
import { contextFor } from "../../modules/auth/context";
import { COLLAB_PATH, documentNameFor, FRAGMENT } from "../../modules/collaboration/protocol";
import { DEMO_ORG_SLUG, DEMO_PASSWORD, seedDemo } from "../../modules/demo/seed";
import { actorFor, getOrganisationBySlug } from "../../modules/organisations/service";
import { connectCollabClient, logInForCookie, webSocketWithCookie } from "../../modules/testing/collab-client";
import { setCollaborator } from "../../modules/workshop/collaborators";
import { createModule } from "../../modules/workshop/service";
import { startServer } from "../support/server";
import {
  busyNote,
  bytes,
  count,
  eventLoopLag,
  loadAverage,
  machine,
  markdownTable,
  ms,
  percentile,
  recordSection,
  requireBuild,
  today,
} from "./report";

const DOCS = Number(process.env.BENCH_DOCS ?? 1000);
const IDLE = Number(process.env.BENCH_IDLE ?? 2);
const ACTIVE_DOCS = Number(process.env.BENCH_ACTIVE_DOCS ?? 25);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const EDITS = Number(process.env.BENCH_EDITS ?? 500);
const DOCS_PER_SOCKET = 100;
const TARGET_P95_MS = 20;
const EDITORS = ["facilitator@example.org", "codesigner@example.org"];

async function until(probe: () => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resident memory of a process, from /proc, in bytes. */
function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

async function prepareDatabase(databasePath: string): Promise<string[]> {
  const db = openDatabase(databasePath);
  try {
    await seedDemo(db);
    const org = getOrganisationBySlug(db, DEMO_ORG_SLUG);
    const [facilitator, coDesigner] = EDITORS.map((email) => findUserByEmail(db, email));
    if (!org || !facilitator || !coDesigner) throw new Error("the demo accounts were not seeded");
    const actor = actorFor(db, org.id, facilitator.id);
    if (!actor) throw new Error("the demo facilitator is not in the demo organisation");
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < DOCS; i += 1) {
        const { id } = createModule(db, {
          orgId: org.id,
          createdBy: facilitator.id,
          title: `Benchmark: module ${i + 1}`,
          topic: "self_care",
          customTopic: "",
          summary: "",
          estimatedMinutes: 15,
          doc: {
            type: "doc",
            content: [
              { type: "paragraph", content: [{ type: "text", text: "First writer:" }] },
              { type: "paragraph", content: [{ type: "text", text: "Second writer:" }] },
            ],
          },
        });
        setCollaborator(contextFor(db, actor), id, coDesigner.id, "co_designer");
        ids.push(id);
      }
    });
    return ids;
  } finally {
    closeDatabase(db);
  }
}

type Idle = { providers: HocuspocusProvider[]; sockets: HocuspocusProviderWebsocket[] };

/** Opens every module for `IDLE` editors, many documents on each WebSocket. */
async function openIdle(baseURL: string, cookies: string[], moduleIds: string[]): Promise<Idle> {
  const idle: Idle = { providers: [], sockets: [] };
  const url = `${baseURL.replace(/^http/, "ws")}${COLLAB_PATH}`;
  for (let e = 0; e < IDLE; e += 1) {
    const cookie = cookies[e % cookies.length] ?? "";
    let socket: HocuspocusProviderWebsocket | null = null;
    for (const [i, moduleId] of moduleIds.entries()) {
      if (i % DOCS_PER_SOCKET === 0) {
        socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: webSocketWithCookie(cookie, baseURL) });
        idle.sockets.push(socket);
      }
      if (!socket) continue;
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: documentNameFor(moduleId),
        document: new Y.Doc(),
      });
      provider.attach();
      idle.providers.push(provider);
    }
  }
  await until(() => idle.providers.every((p) => p.isSynced), "every idle editor to sync", 300_000);
  return idle;
}

async function main() {
  requireBuild("bench:collab-scale");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-bench-scale-"));
  const databasePath = path.join(folder, "alongside.sqlite");
  const loadBefore = loadAverage();
  const moduleIds = await prepareDatabase(databasePath);
  const server = await startServer({
    databasePath,
    env: { BENCH_EVENT_LOOP: "1", NODE_OPTIONS: "--expose-gc" },
    label: "scale server",
  });
  try {
    const cookies = await Promise.all(EDITORS.map((email) => logInForCookie(server.baseURL, email, DEMO_PASSWORD)));
    const rssBefore = residentBytes(server.pid);
    const openedAt = performance.now();
    const idle = await openIdle(server.baseURL, cookies, moduleIds);
    const openSeconds = (performance.now() - openedAt) / 1000;
    const rssOpen = residentBytes(server.pid);
    console.log(
      `${count(idle.providers.length)} idle editors on ${count(DOCS)} modules, synced in ${openSeconds.toFixed(1)} s.`,
    );

    // Two active editors on each of the first modules, each writing in their own paragraph.
    const active = moduleIds.slice(0, ACTIVE_DOCS).flatMap((moduleId) =>
      EDITORS.map((_, e) => ({
        e,
        client: connectCollabClient({ baseURL: server.baseURL, cookie: cookies[e] ?? "", moduleId }),
      })),
    );
    await Promise.all(active.map((a) => a.client.synced));
    const total = EDITS;
    const sentAt = new Float64Array(total).fill(Number.NaN);
    const seenAt = new Float64Array(total).fill(Number.NaN);
    const MARK = /⟪(\d+)⟫/g;
    active.forEach(({ client }, index) => {
      client.document.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) return;
        const now = performance.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
          for (const match of struct.content.str.matchAll(MARK)) {
            const seq = Number(match[1]);
            // Seen by the partner: the writer of seq is `seq % active.length`, its partner the other of the pair.
            if (seq < total && ((seq % active.length) ^ 1) === index && Number.isNaN(seenAt[seq] ?? Number.NaN)) {
              seenAt[seq] = now;
            }
          }
        }
      });
    });
    await eventLoopLag(server);
    const interval = 1000 / RATE;
    const startedAt = performance.now();
    for (let seq = 0; seq < total; seq += 1) {
      const wait = startedAt + seq * interval - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const writer = active[seq % active.length];
      if (!writer) continue;
      const paragraph = writer.client.document.getXmlFragment(FRAGMENT).get(writer.e);
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(text instanceof Y.XmlText)) throw new Error("an active editor has no paragraph of its own");
      sentAt[seq] = performance.now();
      text.insert(text.length, ` word⟪${seq}⟫`);
    }
    await until(() => seenAt.every((t) => !Number.isNaN(t)), "every word to reach its partner", 60_000);
    const lag = await eventLoopLag(server);
    const latencies = Array.from(sentAt, (sent, seq) => (seenAt[seq] ?? 0) - sent).sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const p99 = percentile(latencies, 99);

    for (const { client } of active) client.destroy();
    for (const provider of idle.providers) provider.destroy();
    for (const socket of idle.sockets) socket.destroy();
    // Hocuspocus stores and unloads each document once its last editor has gone.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const afterLeaving = await eventLoopLag(server);
    const rssAfter = residentBytes(server.pid);
    const loadAfter = loadAverage();
    const perDocument = (rssOpen - rssBefore) / DOCS;
    console.table({
      "update-to-visible p50 / p95 / p99 (ms)": `${p50.toFixed(1)} / ${p95.toFixed(1)} / ${p99.toFixed(1)}`,
      "server RSS before / all open / after leaving": `${bytes(rssBefore)} / ${bytes(rssOpen)} / ${bytes(rssAfter)}`,
      "memory per open document": bytes(perDocument),
      "event-loop lag p50 / p99 / max (ms)": `${lag.p50.toFixed(1)} / ${lag.p99.toFixed(1)} / ${lag.max.toFixed(1)}`,
      "heap while typing / after leaving": `${bytes(lag.heapUsed ?? Number.NaN)} / ${bytes(afterLeaving.heapUsed ?? Number.NaN)}`,
    });
    recordSection("Co-editing at scale", [
      "`npm run bench:collab-scale` (after `npm run build`): the real built server on a fresh demo database with",
      `${count(DOCS)} modules. ${IDLE} idle editors open every module (${count(DOCS * IDLE)} in all, ${DOCS_PER_SOCKET} documents to a`,
      `WebSocket, as the provider allows). On ${ACTIVE_DOCS} of the modules two more editors each (${ACTIVE_DOCS * 2} in all) type ${RATE}`,
      `words a second between them, ${EDITS} words. Latency is from a writer's change until the other active editor on`,
      "that module has it. Memory is the server's resident set (/proc) before anyone connects, with every",
      "document open, and 15 s after everyone has left; the heap figures are the server's own, read after a",
      "full collection (the server runs with `--expose-gc` here), so they show what it keeps.",
      "",
      markdownTable([
        ["Measure", "Value"],
        ["Open documents, idle editors, active editors", `${count(DOCS)}, ${count(DOCS * IDLE)}, ${ACTIVE_DOCS * 2}`],
        ["Update-to-visible latency p50 / p95 / p99", `${ms(p50)} / **${ms(p95)}** / ${ms(p99)}`],
        [`Target: p95 under ${TARGET_P95_MS} ms`, p95 < TARGET_P95_MS ? "met" : "**not met**"],
        ["Server event-loop lag while typing, p50 / p99 / max", `${ms(lag.p50)} / ${ms(lag.p99)} / ${ms(lag.max)}`],
        ["Server memory before anyone connects", bytes(rssBefore)],
        ["With every document open", `${bytes(rssOpen)} (opened and synced in ${openSeconds.toFixed(1)} s)`],
        ["Memory per open document (idle editors included)", `**${bytes(perDocument)}**`],
        [
          "15 s after everyone left: resident / heap in use",
          `${bytes(rssAfter)} / ${bytes(afterLeaving.heapUsed ?? Number.NaN)} (heap while typing ${bytes(lag.heapUsed ?? Number.NaN)})`,
        ],
        ["Machine", machine()],
        ["Load average (1 min) before / after", `${loadBefore} / ${loadAfter}`],
        ["Date", today()],
      ]),
      ...busyNote(loadBefore, loadAfter),
    ]);
  } finally {
    await server.stop();
    await server.remove();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
