/**
 * Search at scale: the large generated organisation (e2e/bench/large-organisation.ts: 200 modules
 * made from the starter documents, 20 courses), then the Workshop's search and the course list's
 * search timed in process (`searchModules`, `searchCourses`, as its facilitator and its trainer) and
 * through the real built server (`GET /workshop?q=…`, logged in through the real form).
 *
 *   npm run build && npm run bench:search
 *
 * Settings (environment): BENCH_COURSES (20), BENCH_MODULES (10 per course), BENCH_QUERY_RUNS (50),
 * BENCH_RENDER_RUNS (20), BENCH_DOC (docs/benchmarks.md; "-" to skip writing it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { closeDatabase, openDatabase } from "../../db/client";
import { users } from "../../db/schema";
import { contextFor } from "../../modules/auth/context";
import type { Actor } from "../../modules/auth/policy";
import { actorFor } from "../../modules/organisations/service";
import { searchCourses, searchModules, searchQuerySchema } from "../../modules/search/index";
import { logInForCookie } from "../../modules/testing/collab-client";
import { startServer } from "../support/server";
import { DEFAULT_SHAPE, generateLargeOrganisation, type Shape, TRAINER_EMAIL } from "./large-organisation";
import {
  busyNote,
  count,
  loadAverage,
  machine,
  markdownTable,
  ms,
  processCpuMs,
  recordSection,
  requireBuild,
  type Summary,
  summarise,
  today,
} from "./report";

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SHAPE: Shape = {
  ...DEFAULT_SHAPE,
  courses: setting("BENCH_COURSES", DEFAULT_SHAPE.courses),
  modulesPerCourse: setting("BENCH_MODULES", DEFAULT_SHAPE.modulesPerCourse),
};
const QUERY_RUNS = setting("BENCH_QUERY_RUNS", 50);
const RENDER_RUNS = setting("BENCH_RENDER_RUNS", 20);
const WARM_UP = 3;
const TARGET_MS = 100;
const FACILITATOR_EMAIL = "facilitator@large.example.org";

/** What is searched for: a word in every module, a rarer phrase's words, a word's start, and nothing found. */
const QUERIES = ["support", "safe boundaries", "superv", "xylophone"];

function time<T>(runs: number, run: () => T): { summary: Summary; cpu: number; last: T } {
  let last = run();
  for (let i = 1; i < WARM_UP; i += 1) last = run();
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    last = run();
    samples.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { summary: summarise(samples), cpu: (cpu.user + cpu.system) / 1000 / runs, last };
}

async function fetchPage(url: string, cookie: string) {
  const start = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return { elapsed: performance.now() - start, body };
}

async function timeRequests(url: string, cookie: string, runs: number, serverPid: number) {
  for (let i = 0; i < WARM_UP; i += 1) await fetchPage(url, cookie);
  const samples: number[] = [];
  const cpuBefore = processCpuMs(serverPid);
  for (let i = 0; i < runs; i += 1) samples.push((await fetchPage(url, cookie)).elapsed);
  return { summary: summarise(samples), cpu: (processCpuMs(serverPid) - cpuBefore) / runs };
}

async function main() {
  requireBuild("bench:search");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-bench-search-"));
  const databasePath = path.join(folder, "large.sqlite");
  try {
    const generated = await generateLargeOrganisation(databasePath, SHAPE);
    const loadBefore = loadAverage();
    const db = openDatabase(databasePath, { migrate: false });
    const actorOf = (email: string) => {
      const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
      if (!user) throw new Error(`no ${email}`);
      return actorFor(db, generated.orgId, user.id) as Actor;
    };
    const facilitator = contextFor(db, actorOf(FACILITATOR_EMAIL));
    const trainer = contextFor(db, actorOf(TRAINER_EMAIL));
    const indexed = db.$client
      .prepare("select count(*) as n, count(body) as withText from module_search_text")
      .get() as { n: number; withText: number };
    const modules = QUERIES.map((words) => {
      const query = searchQuerySchema.parse(words);
      return { words, ...time(QUERY_RUNS, () => searchModules(facilitator, query)) };
    });
    const courses = QUERIES.map((words) => {
      const query = searchQuerySchema.parse(words);
      return { words, ...time(QUERY_RUNS, () => searchCourses(trainer, query)) };
    });
    closeDatabase(db);

    const server = await startServer({ databasePath, label: "bench server", env: { SEED_DEMO: "false" } });
    let render: { summary: Summary; cpu: number };
    let list: { summary: Summary; cpu: number };
    try {
      const cookie = await logInForCookie(server.baseURL, FACILITATOR_EMAIL, generated.password);
      render = await timeRequests(`${server.baseURL}/workshop?q=support`, cookie, RENDER_RUNS, server.pid);
      list = await timeRequests(`${server.baseURL}/workshop`, cookie, RENDER_RUNS, server.pid);
    } finally {
      await server.stop();
    }
    const loadAfter = loadAverage();
    const line = (s: Summary) => `${ms(s.median, 2)} / ${ms(s.p95, 2)}`;
    const met = render.summary.p95 < TARGET_MS;
    const rows = [
      ...modules.map((r) => [
        `\`searchModules\` “${r.words}” (${r.last.length} found), median / p95`,
        `${line(r.summary)} (${ms(r.cpu, 2)} CPU)`,
      ]),
      ...courses.map((r) => [
        `\`searchCourses\` “${r.words}” (${r.last.length} found), median / p95`,
        `${line(r.summary)} (${ms(r.cpu, 2)} CPU)`,
      ]),
    ];
    console.table(Object.fromEntries(rows));
    console.log(`GET /workshop?q=support: ${line(render.summary)}; the list alone ${line(list.summary)}`);
    recordSection("Search at scale", [
      "`npm run bench:search` (after `npm run build`) generates the large organisation of the dashboard benchmark",
      "(e2e/bench/large-organisation.ts, the same shape: its learners and progress are there, search never reads them), whose modules are",
      "made from the starter documents through the real services, so every module's text is indexed as the app",
      `indexes it. Each search runs ${QUERY_RUNS} times in process after ${WARM_UP} warm-ups, as the organisation's`,
      "facilitator (modules, who sees them all) and its trainer (courses); results are capped at 50. Then the real",
      `built server answers \`GET /workshop?q=support\` ${RENDER_RUNS} times in a row, logged in through the form.`,
      "",
      markdownTable([
        ["Measure", "Value"],
        ["Machine", machine()],
        ["Load average (1 min) before / after measuring", `${loadBefore} / ${loadAfter}`],
        [
          "Organisation",
          `${count(indexed.n)} modules (${count(indexed.withText)} with their text indexed), ${generated.counts.courses} courses`,
        ],
        ...rows,
        [
          "Full render `GET /workshop?q=support`, median / p95",
          `**${line(render.summary)}** (server ${ms(render.cpu, 0)} CPU)`,
        ],
        [
          "For scale: `GET /workshop` (the list), median / p95",
          `${line(list.summary)} (server ${ms(list.cpu, 0)} CPU)`,
        ],
        [`Target: search page under ${TARGET_MS} ms (p95)`, met ? "met" : "NOT met"],
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
