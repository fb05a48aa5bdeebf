/**
 * One large module: 100,000 characters typed one at a time, so its history is 100,000 updates.
 *
 *   npm run build && npm run bench:large-module
 *
 * On a fresh demo database the benchmark types the module into a Yjs document one character per
 * update (a new paragraph every 500 characters, a section heading every 10 paragraphs) and appends
 * each update to the module's log, as the collaboration server does while people type. It then times
 * what the server does with such a module: building the document from the whole log (a module never
 * compacted), compacting the log into a state, and building it from that state (every later load).
 * Then the real built server starts on that database, and a fresh editor (the provider the editor
 * uses, logged in through the real form) connects to the module nobody has open: the time until it is
 * synced is a cold load, end to end. Each timing runs BENCH_RUNS times (5).
 *
 * Settings (environment): BENCH_CHARS (100000), BENCH_RUNS (5), BENCH_DOC (docs/benchmarks.md; "-" to
 * skip writing it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { closeDatabase, openDatabase } from "../../db/client";
import { moduleDocs, moduleDocUpdates } from "../../db/schema";
import { findUserByEmail } from "../../modules/accounts/service";
import { FRAGMENT } from "../../modules/collaboration/protocol";
import { appendUpdate, compactDocument, readStoredDocument } from "../../modules/collaboration/store";
import { yDocFrom } from "../../modules/collaboration/ydoc";
import { DEMO_ORG_SLUG, DEMO_PASSWORD, seedDemo } from "../../modules/demo/seed";
import { getOrganisationBySlug } from "../../modules/organisations/service";
import { connectCollabClient, logInForCookie } from "../../modules/testing/collab-client";
import { createModule } from "../../modules/workshop/service";
import { startServer } from "../support/server";
import {
  busyNote,
  bytes,
  count,
  loadAverage,
  machine,
  markdownTable,
  ms,
  recordSection,
  requireBuild,
  summarise,
  today,
} from "./report";

const CHARS = Number(process.env.BENCH_CHARS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FACILITATOR = "facilitator@example.org";
const TARGET_COLD_LOAD_MS = 200;

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Types the module one character per update and appends each to the log, in batches of one transaction. */
function typeModule(databasePath: string): { moduleId: string; updates: number } {
  const db = openDatabase(databasePath);
  try {
    const org = getOrganisationBySlug(db, DEMO_ORG_SLUG);
    const facilitator = findUserByEmail(db, FACILITATOR);
    if (!org || !facilitator) throw new Error("the demo organisation was not seeded");
    const { id: moduleId } = createModule(db, {
      orgId: org.id,
      createdBy: facilitator.id,
      title: "Benchmark: a very long module",
      topic: "self_care",
      customTopic: "",
      summary: "",
      estimatedMinutes: 60,
    });
    // The writer starts from the module as stored, as an editor does.
    const writer = yDocFrom(readStoredDocument(db, moduleId).state);
    const pending: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => pending.push(update));
    const fragment = writer.getXmlFragment(FRAGMENT);
    const words = "Notice what you feel, name it kindly, and choose what you do next with care. ";
    let text: Y.XmlText | null = null;
    let written = 0;
    let paragraphs = 0;
    let appended = 0;
    const flush = () => {
      db.transaction((tx) => {
        for (const update of pending) appendUpdate(tx, moduleId, update, facilitator.id, new Date());
      });
      appended += pending.length;
      pending.length = 0;
    };
    while (written < CHARS) {
      if (!text || written % 500 === 0) {
        if (paragraphs % 10 === 0) {
          const heading = new Y.XmlElement("heading");
          heading.setAttribute("level", 2 as unknown as string);
          heading.insert(0, [new Y.XmlText(`Part ${paragraphs / 10 + 1}`)]);
          fragment.push([heading]);
        }
        const paragraph = new Y.XmlElement("paragraph");
        text = new Y.XmlText();
        paragraph.insert(0, [text]);
        fragment.push([paragraph]);
        paragraphs += 1;
      }
      text.insert(text.length, words[written % words.length] ?? " ");
      written += 1;
      if (pending.length >= 5_000) flush();
    }
    flush();
    writer.destroy();
    return { moduleId, updates: appended };
  } finally {
    closeDatabase(db);
  }
}

/** Builds the module's document from what is stored, as the server does on load, RUNS times. */
function timesToBuild(db: ReturnType<typeof openDatabase>, moduleId: string) {
  return summarise(
    Array.from({ length: RUNS }, () =>
      time(() => {
        const stored = readStoredDocument(db, moduleId);
        yDocFrom(
          stored.state,
          stored.updates.map((u) => u.update),
        ).destroy();
      }),
    ),
  );
}

async function main() {
  requireBuild("bench:large-module");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-bench-large-"));
  const databasePath = path.join(folder, "alongside.sqlite");
  try {
    const prepared = openDatabase(databasePath);
    await seedDemo(prepared);
    closeDatabase(prepared);
    const loadBefore = loadAverage();
    const typingStart = performance.now();
    const { moduleId, updates } = typeModule(databasePath);
    const typingMs = performance.now() - typingStart;
    console.log(`Typed ${count(CHARS)} characters as ${count(updates)} updates in ${ms(typingMs)}.`);

    const db = openDatabase(databasePath);
    let fromLog: ReturnType<typeof summarise>;
    let compactMs: number;
    let fromState: ReturnType<typeof summarise>;
    let logBytes: number;
    let stateBytes: number;
    try {
      logBytes =
        db
          .select({ n: sql<number>`coalesce(sum(length(${moduleDocUpdates.update})), 0)` })
          .from(moduleDocUpdates)
          .where(eq(moduleDocUpdates.moduleId, moduleId))
          .get()?.n ?? 0;
      fromLog = timesToBuild(db, moduleId);
      compactMs = time(() => compactDocument(db, moduleId, new Date()));
      stateBytes = db.select().from(moduleDocs).where(eq(moduleDocs.moduleId, moduleId)).get()?.state.byteLength ?? 0;
      fromState = timesToBuild(db, moduleId);
    } finally {
      closeDatabase(db);
    }
    const fileBytes = ["", "-wal"].reduce((total, end) => {
      const file = `${databasePath}${end}`;
      return total + (fs.existsSync(file) ? fs.statSync(file).size : 0);
    }, 0);

    // A fresh editor on the module nobody has open: the server loads it from its state, then syncs.
    const coldLoads: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const server = await startServer({ databasePath, label: `large module server, run ${run + 1}` });
      try {
        const cookie = await logInForCookie(server.baseURL, FACILITATOR, DEMO_PASSWORD);
        const start = performance.now();
        const client = connectCollabClient({ baseURL: server.baseURL, cookie, moduleId });
        await client.synced;
        coldLoads.push(performance.now() - start);
        const length = client.document.getXmlFragment(FRAGMENT).length;
        client.destroy();
        if (length < CHARS / 500) throw new Error(`the editor received ${length} blocks`);
      } finally {
        await server.stop();
      }
    }
    const cold = summarise(coldLoads);
    const loadAfter = loadAverage();
    console.table({
      "build from the whole log (median ms)": fromLog.median.toFixed(1),
      "compact the log (ms)": compactMs.toFixed(1),
      "build from the compacted state (median ms)": fromState.median.toFixed(1),
      "fresh editor, cold, synced (median ms)": cold.median.toFixed(1),
      "log bytes": logBytes,
      "state bytes": stateBytes,
      "database file bytes": fileBytes,
    });
    recordSection("A very large module", [
      "`npm run bench:large-module` (after `npm run build`): on a fresh demo database, a module of",
      `${count(CHARS)} characters typed one character per update (a paragraph every 500 characters, a section`,
      `heading every 10 paragraphs), so its history is ${count(updates)} updates, each appended to the log as the`,
      "collaboration server does. Then: the document built from the whole log (a module never compacted),",
      "the log compacted into a state, the document built from that state (every later load), and the real",
      "built server started on that database with a fresh editor (the editor's provider, logged in through the",
      `real form) connecting to the module nobody has open, timed until synced. ${RUNS} runs each; the server is`,
      "started again for each cold load.",
      "",
      markdownTable([
        ["Measure", "Value"],
        ["Module", `${count(CHARS)} characters, ${count(updates)} updates in its history`],
        ["Build from the whole log, median / p95", `${ms(fromLog.median)} / ${ms(fromLog.p95)}`],
        ["Compact the log into a state (once)", ms(compactMs)],
        ["Build from the compacted state, median / p95", `${ms(fromState.median)} / ${ms(fromState.p95)}`],
        [
          "Fresh editor on the module, cold, until synced: median / p95",
          `**${ms(cold.median)} / ${ms(cold.p95)}** (first ${ms(coldLoads[0] ?? Number.NaN)})`,
        ],
        [
          `Target: a cold load on the server (from the compacted state) under ${TARGET_COLD_LOAD_MS} ms`,
          fromState.p95 < TARGET_COLD_LOAD_MS ? "met" : "**not met**",
        ],
        ["The log on disk (update bytes)", bytes(logBytes)],
        ["The compacted state", bytes(stateBytes)],
        ["The whole database file (with the demo)", bytes(fileBytes)],
        ["Typing it into the log (set-up)", ms(typingMs)],
        ["Machine", machine()],
        ["Load average (1 min) before / after", `${loadBefore} / ${loadAfter}`],
        ["Date", today()],
      ]),
      ...busyNote(loadBefore, loadAfter),
    ]);
  } finally {
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
