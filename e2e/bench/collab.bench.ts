/**
 * Collaboration benchmark: update-to-visible latency with many live editors on one module, and the
 * server's event-loop lag meanwhile.
 *
 *   npm run build && npm run bench:collab
 *
 * It runs the real built server (`node --import tsx server.ts`) on a free port with a fresh database
 * (demo accounts seeded, plus one module with the demo people on it), logs in through the real form,
 * connects BENCH_CLIENTS `@hocuspocus/provider` clients (several per person, like open tabs) and has
 * every one of them type: each edit inserts a short word carrying a sequence marker into the writer's
 * own paragraph, and moves the writer's cursor (an awareness update), as the editor does per keystroke.
 * Latency of an edit = time from the writer's local change until the last other client has it.
 *
 * It then runs again on a second module that takes suggestions only (ADR 31): every word is sent as
 * a suggestion in its writer's name, so the co-designers' updates pass the suggestion guard.
 *
 * Settings (environment): BENCH_CLIENTS (24), BENCH_EDITS (600), BENCH_RATE edits per second across
 * all writers (100), BENCH_DOC (docs/benchmarks.md; "-" to skip writing it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import * as Y from "yjs";
import { closeDatabase, openDatabase } from "../../db/client";
import { findUserByEmail } from "../../modules/accounts/service";
import { contextFor } from "../../modules/auth/context";
import { FRAGMENT } from "../../modules/collaboration/protocol";
import { loadYDoc } from "../../modules/collaboration/store";
import { DEMO_ACCOUNTS, DEMO_ORG_SLUG, DEMO_PASSWORD, seedDemo } from "../../modules/demo/seed";
import { newSuggestionId } from "../../modules/documents/suggestion-ids";
import { actorFor, getOrganisationBySlug } from "../../modules/organisations/service";
import { connectCollabClient, logInForCookie } from "../../modules/testing/collab-client";
import { setCollaborator } from "../../modules/workshop/collaborators";
import { createModule } from "../../modules/workshop/service";
import { setSuggestionsOnly } from "../../modules/workshop/suggestions-only";
import { PROJECT_ROOT, startServer } from "../support/server";
import { eventLoopLag, type Lag } from "./report";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 24);
const EDITS = Number(process.env.BENCH_EDITS ?? 600);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const WARM_UP_EDITS = 2 * CLIENTS;
const DOC_PATH = process.env.BENCH_DOC ?? path.join(PROJECT_ROOT, "docs", "benchmarks.md");
const TARGET_P95_MS = 50;
const DELIVERY_TIMEOUT_MS = 60_000;

/** The demo people who edit: the facilitator who creates the module, and four more put on it as co-designers. */
const EDITOR_EMAILS = [
  "facilitator@example.org",
  "codesigner@example.org",
  "codesigner2@example.org",
  "trainer@example.org",
  "admin@example.org",
];

const MARKER = /⟦(\d+)⟧/g;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : "n/a");

async function until(probe: () => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A fresh database with the demo organisation and a module all the editors are on. */
async function prepareDatabase(databasePath: string): Promise<{ plain: string; suggesting: string; ids: string[] }> {
  const db = openDatabase(databasePath);
  try {
    await seedDemo(db);
    const org = getOrganisationBySlug(db, DEMO_ORG_SLUG);
    const people = EDITOR_EMAILS.map((email) => findUserByEmail(db, email));
    const [facilitator, ...others] = people;
    if (!org || !facilitator || others.some((p) => !p)) throw new Error("the demo accounts were not seeded");
    const actor = actorFor(db, org.id, facilitator.id);
    if (!actor) throw new Error("the demo facilitator is not in the demo organisation");
    // One paragraph per client, each its writer's own line, as people do when working on different parts.
    const doc = {
      type: "doc",
      content: Array.from({ length: CLIENTS }, (_, i) => ({
        type: "paragraph",
        content: [{ type: "text", text: `Line ${i + 1}:` }],
      })),
    };
    const [plain, suggesting] = ["Benchmark: many hands", "Benchmark: many suggestions"].map((title) => {
      const { id } = createModule(db, {
        orgId: org.id,
        createdBy: facilitator.id,
        title,
        topic: "self_care",
        customTopic: "",
        summary: "",
        estimatedMinutes: 15,
        doc,
      });
      for (const person of others) if (person) setCollaborator(contextFor(db, actor), id, person.id, "co_designer");
      return id;
    });
    if (!plain || !suggesting) throw new Error("the benchmark modules were not made");
    setSuggestionsOnly(contextFor(db, actor), suggesting, true);
    return { plain, suggesting, ids: people.map((p) => p?.id ?? "") };
  } finally {
    closeDatabase(db);
  }
}

type Result = {
  clients: number;
  accounts: number;
  edits: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  lag: Lag;
  benchLagP99: number;
  seconds: number;
  /** The same run on a module that takes suggestions only. */
  suggesting?: Result;
};

/** A Markdown table with padded columns, as the formatter (biome) lays them out. */
function markdownTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function writeDocs(result: Result) {
  if (DOC_PATH === "-") return;
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const date = new Date().toISOString().slice(0, 10);
  const verdict = result.p95 < TARGET_P95_MS ? "met" : "NOT met";
  const section = [
    "## Collaboration",
    "",
    "`npm run bench:collab` (after `npm run build`): the real server on loopback with a fresh database, clients",
    "logged in through the real form, `@hocuspocus/provider` clients in one Node process, every client a writer.",
    "Each edit inserts a word with a sequence marker into the writer's own paragraph and moves its cursor",
    "(awareness). Latency = from the writer's local change until the last other client has it. Event-loop lag",
    "is the server process's `monitorEventLoopDelay` over the editing window, beyond its 10 ms sampling interval.",
    "",
    markdownTable([
      ["Measure", "Value"],
      [
        "Machine",
        `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()}`,
      ],
      ["Clients (accounts)", `${result.clients} (${result.accounts} demo accounts, all co-editing)`],
      [
        "Edits measured",
        `${result.edits} at ${result.rate} edits/s across all writers, in ${result.seconds.toFixed(1)} s`,
      ],
      [
        "Update-to-visible latency p50 / p95",
        `**${fmt(result.p50)} ms / ${fmt(result.p95)} ms** (p99 ${fmt(result.p99)} ms, max ${fmt(result.max)} ms)`,
      ],
      [
        "The same with suggestions only (ADR 31), p50 / p95",
        result.suggesting
          ? `**${fmt(result.suggesting.p50)} ms / ${fmt(result.suggesting.p95)} ms** (p99 ${fmt(result.suggesting.p99)} ms, max ${fmt(result.suggesting.max)} ms)`
          : "not run",
      ],
      [
        "Server event-loop lag p50 / p99 / max",
        `${fmt(result.lag.p50)} ms / ${fmt(result.lag.p99)} ms / ${fmt(result.lag.max)} ms`,
      ],
      ["Benchmark process event-loop lag p99 (the clients' side)", `${fmt(result.benchLagP99)} ms`],
      [`Target: p95 under ${TARGET_P95_MS} ms with 20 editors`, verdict],
      ["Date", date],
    ]),
    "",
  ].join("\n");

  let text = fs.existsSync(DOC_PATH)
    ? fs.readFileSync(DOC_PATH, "utf8")
    : [
        "# Benchmarks",
        "",
        "Measured numbers for Alongside on a small machine. Each section says how to rerun it; rerunning",
        "replaces that section only.",
        "",
      ].join("\n");
  const start = text.search(/^## Collaboration[ \t]*$/m);
  if (start === -1) {
    text = `${text.trimEnd()}\n\n${section}`;
  } else {
    const rest = text.slice(start + 1);
    const next = rest.search(/^## /m);
    const end = next === -1 ? text.length : start + 1 + next;
    text = `${text.slice(0, start)}${section}${next === -1 ? "" : `\n${text.slice(end)}`}`;
  }
  fs.writeFileSync(DOC_PATH, `${text.trimEnd()}\n`);
  console.log(`Recorded in ${path.relative(process.cwd(), DOC_PATH)}.`);
}

async function main() {
  if (!fs.existsSync(path.join(PROJECT_ROOT, "build", "index.js"))) {
    console.error('No built app in build/. Build it first: "npm run build", then "npm run bench:collab".');
    process.exit(1);
  }
  if (CLIENTS < 2 || EDITS < 1 || RATE <= 0) throw new Error("BENCH_CLIENTS ≥ 2, BENCH_EDITS ≥ 1, BENCH_RATE > 0");

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-bench-"));
  const databasePath = path.join(folder, "bench.sqlite");
  const modules = await prepareDatabase(databasePath);
  try {
    const result = await measure(databasePath, modules.plain, null);
    result.suggesting = await measure(databasePath, modules.suggesting, modules.ids);
    console.log(`Target p95 < ${TARGET_P95_MS} ms: ${result.p95 < TARGET_P95_MS ? "met" : "NOT met"}.`);
    writeDocs(result);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** One run on one module; with `suggesterIds` (user id per account), every word is a suggestion in its writer's name. */
async function measure(databasePath: string, moduleId: string, suggesterIds: string[] | null): Promise<Result> {
  const server = await startServer({ databasePath, env: { BENCH_EVENT_LOOP: "1" }, label: "bench server" });
  const clients: ReturnType<typeof connectCollabClient>[] = [];
  try {
    const cookies = new Map<string, string>();
    for (const email of EDITOR_EMAILS) cookies.set(email, await logInForCookie(server.baseURL, email, DEMO_PASSWORD));
    const accounts = EDITOR_EMAILS.length;
    for (let i = 0; i < CLIENTS; i += 1) {
      const email = EDITOR_EMAILS[i % accounts] ?? "";
      clients.push(connectCollabClient({ baseURL: server.baseURL, cookie: cookies.get(email) ?? "", moduleId }));
    }
    await Promise.all(clients.map((c) => c.synced));
    console.log(
      `${CLIENTS} clients (${accounts} of the ${DEMO_ACCOUNTS.length} demo accounts) synced on module ${moduleId}.`,
    );

    // For each edit: when it was made, by which client, which clients have it, and when the last one got it.
    const total = WARM_UP_EDITS + EDITS;
    const sentAt = new Float64Array(total).fill(Number.NaN);
    const writerOf = new Int32Array(total).fill(-1);
    const lastSeen = new Float64Array(total).fill(Number.NaN);
    const seen = new Uint8Array(total * CLIENTS);
    const seenBy = new Int32Array(total);
    clients.forEach((client, index) => {
      client.document.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) return;
        const now = performance.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
          for (const match of struct.content.str.matchAll(MARKER)) {
            const seq = Number(match[1]);
            if (seq >= total || writerOf[seq] === index || seen[seq * CLIENTS + index]) continue;
            seen[seq * CLIENTS + index] = 1;
            seenBy[seq] = (seenBy[seq] ?? 0) + 1;
            lastSeen[seq] = now;
          }
        }
      });
    });

    const lines = clients.map((client, index) => {
      const paragraph = client.document.getXmlFragment(FRAGMENT).get(index);
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(text instanceof Y.XmlText)) throw new Error(`client ${index} has no line of its own`);
      return text;
    });

    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    const interval = 1000 / RATE;
    const startedAt = performance.now();
    let measuredFrom = startedAt;
    for (let seq = 0; seq < total; seq += 1) {
      if (seq === WARM_UP_EDITS) {
        await until(() => seenBy.slice(0, seq).every((n) => n === CLIENTS - 1), "the warm-up edits", 30_000);
        await eventLoopLag(server);
        clientLag.enable();
        measuredFrom = performance.now();
      }
      const due = seq < WARM_UP_EDITS ? startedAt + seq * interval : measuredFrom + (seq - WARM_UP_EDITS) * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const writer = seq % CLIENTS;
      const line = lines[writer];
      const client = clients[writer];
      if (!line || !client) continue;
      writerOf[seq] = writer;
      sentAt[seq] = performance.now();
      const suggester = suggesterIds?.[writer % EDITOR_EMAILS.length];
      if (suggester) line.insert(line.length, ` word⟦${seq}⟧`, { insertion: { id: newSuggestionId(suggester) } });
      else line.insert(line.length, ` word⟦${seq}⟧`);
      client.provider.setAwarenessField("cursor", { line: writer, offset: line.length });
    }
    await until(
      () => seenBy.every((n) => n === CLIENTS - 1),
      "every edit to reach every other client",
      DELIVERY_TIMEOUT_MS,
    );
    const seconds = (performance.now() - measuredFrom) / 1000;
    const lag = await eventLoopLag(server);
    clientLag.disable();

    const latencies: number[] = [];
    for (let seq = WARM_UP_EDITS; seq < total; seq += 1) latencies.push((lastSeen[seq] ?? 0) - (sentAt[seq] ?? 0));
    latencies.sort((a, b) => a - b);

    const result: Result = {
      clients: CLIENTS,
      accounts,
      edits: EDITS,
      rate: RATE,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      lag,
      benchLagP99: Math.max(0, clientLag.percentile(99) / 1e6 - 10),
      seconds,
    };

    for (const client of clients) client.destroy();
    clients.length = 0;
    const exit = await server.stop();

    // The document on disk after a graceful stop has every edit.
    const check = openDatabase(databasePath, { migrate: false });
    const stored = loadYDoc(check, moduleId).getXmlFragment(FRAGMENT).toString();
    closeDatabase(check);
    const missing = Array.from({ length: total }, (_, seq) => seq).filter((seq) => !stored.includes(`⟦${seq}⟧`));
    if (missing.length > 0) throw new Error(`${missing.length} edits are missing from the stored document`);

    console.log(suggesterIds ? "\nWith suggestions only:" : "");
    console.table({
      clients: `${result.clients} (${accounts} accounts)`,
      edits: `${result.edits} at ${result.rate}/s (${seconds.toFixed(1)} s)`,
      "latency p50 (ms)": fmt(result.p50),
      "latency p95 (ms)": fmt(result.p95),
      "latency p99 (ms)": fmt(result.p99),
      "latency max (ms)": fmt(result.max),
      "server event-loop lag p50 (ms)": fmt(lag.p50),
      "server event-loop lag p99 (ms)": fmt(lag.p99),
      "server event-loop lag max (ms)": fmt(lag.max),
      "bench process lag p99 (ms)": fmt(result.benchLagP99),
      "stored after SIGTERM": `all ${total} edits (exit code ${exit.code})`,
    });
    return result;
  } finally {
    for (const client of clients) client.destroy();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
