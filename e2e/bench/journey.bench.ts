/**
 * Many learners moving through a course at once: each posts "Next" on a section and loads the page
 * it leads to, over and over (issue 16, item 6).
 *
 *   npm run build && npm run bench:journey
 *
 * It starts the real built server on a fresh demo database and adds BENCH_LEARNERS learners to the
 * demo organisation (straight into the database, with a session each, since logging in 200 people
 * through the form would only measure password hashing). Each enrols in "Peer support essentials"
 * through the course page's form. The load generator (`journey-run.ts`, its own process) then walks
 * every learner through the course: at full speed for BENCH_DURATION seconds after a warm-up, then
 * at half of that peak. With `taskset` and two cores, the server runs on core 0 and the load on core 1.
 *
 * It reports steps a second, each step's p50, p95 and p99 (the post and the page after it), the
 * server's CPU per step, and the progress events written against the steps the server answered:
 * none may be lost.
 *
 * Settings (environment): BENCH_LEARNERS (200), BENCH_DURATION (10), BENCH_WARM_UP (3 seconds),
 * BENCH_DOC (docs/benchmarks.md; "-" to skip writing it), BENCH_CPU_PROF (a folder for the server's CPU
 * profile), LEAN_PAGES and LEAN_PAGE_MEMORY_MB (passed to the server).
 */
import path from "node:path";
import { closeDatabase, openDatabase } from "../../db/client";
import { sessionCookie } from "../../modules/accounts/cookie";
import { hashPassword, insertUser } from "../../modules/accounts/service";
import { createSession } from "../../modules/accounts/sessions";
import { addMembership } from "../../modules/organisations/service";
import { PROJECT_ROOT, type RunningServer, startServer } from "../support/server";
import type { JourneyLearner, JourneyOptions, JourneyResult } from "./journey-run";
import { canPin, LEARNER, pin, runOnCoreOne, sectionUrl } from "./learner-load";
import {
  busyNote,
  eventLoopLag,
  type Lag,
  loadAverage,
  machine,
  markdownTable,
  ms,
  percentile,
  processCpuMs,
  recordSection,
  requireBuild,
  today,
} from "./report";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
/** Measured on 2026-11-26 with 200 learners (ADR 11): the figures the issue sets its target from. */
const BEFORE = { stepsPerSecond: 245, p50: 366, p99: 571 };

/** Adds the learners to the demo learner's organisation, each with a session, as the app makes them. */
async function addLearners(server: RunningServer, count: number): Promise<string[]> {
  const db = openDatabase(server.databasePath, { migrate: false });
  try {
    const orgId = db.$client
      .prepare("select m.org_id as orgId from memberships m join users u on u.id = m.user_id where u.email = ? limit 1")
      .get(LEARNER) as { orgId: string } | undefined;
    if (!orgId) throw new Error("the demo organisation is missing");
    const hash = await hashPassword("journey-benchmark-password");
    const now = new Date();
    const secret = server.sessionSecret();
    const tokens = db.transaction((tx) =>
      Array.from({ length: count }, (_, i) => {
        const user = insertUser(
          tx,
          { name: `Journey learner ${i + 1}`, email: `journey-${i + 1}@example.org` },
          hash,
          now,
        );
        addMembership(tx, orgId.orgId, user.id, ["learner"], now);
        return createSession(tx, secret, user.id, orgId.orgId, now);
      }),
    );
    return Promise.all(tokens.map(async (token) => (await sessionCookie(false).serialize(token)).split(";")[0] ?? ""));
  } finally {
    closeDatabase(db);
  }
}

function eventCount(server: RunningServer): number {
  const db = openDatabase(server.databasePath, { migrate: false });
  try {
    return (db.$client.prepare("select count(*) as n from progress_events").get() as { n: number }).n;
  } finally {
    closeDatabase(db);
  }
}

type Phase = JourneyResult & { cpuMs: number; lag: Lag };

async function phase(server: RunningServer, options: JourneyOptions): Promise<Phase> {
  // Asking starts a new window, so the lag reported after is this phase's alone.
  await eventLoopLag(server);
  const cpuBefore = processCpuMs(server.pid);
  const result = await runOnCoreOne<JourneyResult>("journey-run.ts", options);
  const cpuMs = processCpuMs(server.pid) - cpuBefore;
  return { ...result, cpuMs, lag: await eventLoopLag(server) };
}

function summary(name: string, run: Phase) {
  const sorted = [...run.times].sort((a, b) => a - b);
  return {
    name,
    stepsPerSecond: run.steps / run.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cpuPerStep: run.cpuMs / Math.max(1, run.steps),
    failures: run.failures.length,
    lagMax: run.lag.max,
    majorGcs: run.lag.majorGcs ?? 0,
  };
}

async function main() {
  requireBuild("bench:journey");
  // LEAN_PAGES=false measures the same journey through Remix's full path, to compare (ADR 40).
  const server = await startServer({
    label: "bench server",
    env: {
      // The server's event-loop lag and full collections in each phase tell a slow step the server
      // caused from one the load generator or the machine did.
      BENCH_EVENT_LOOP: "1",
      LEAN_PAGES: process.env.LEAN_PAGES,
      LEAN_PAGE_MEMORY_MB: process.env.LEAN_PAGE_MEMORY_MB,
      ...(process.env.BENCH_CPU_PROF
        ? {
            NODE_OPTIONS: `--import ${path.join(PROJECT_ROOT, "e2e", "bench", "cpu-profile.mjs")}`,
            BENCH_CPU_PROF: path.resolve(process.env.BENCH_CPU_PROF),
          }
        : {}),
    },
  });
  try {
    if (canPin) pin(server.pid, 0);
    console.log(`Adding ${LEARNERS} learners and enrolling each through the course page…`);
    const cookies = await addLearners(server, LEARNERS);
    const learners: JourneyLearner[] = [];
    for (const cookie of cookies) learners.push({ cookie, first: await sectionUrl(server.baseURL, cookie) });
    const eventsBefore = eventCount(server);
    const loadBefore = loadAverage();

    console.log(`Warming up (${WARM_UP} s), then every learner as fast as the server answers for ${DURATION} s…`);
    const warm = await phase(server, { baseURL: server.baseURL, learners, duration: WARM_UP });
    const peak = await phase(server, { baseURL: server.baseURL, learners, duration: DURATION });
    const peakRate = peak.steps / peak.seconds;
    console.log(`Half of the peak: ${Math.round(peakRate / 2)} steps a second for ${DURATION} s…`);
    const half = await phase(server, { baseURL: server.baseURL, learners, duration: DURATION, rate: peakRate / 2 });
    const loadAfter = loadAverage();

    const answered = warm.answered + peak.answered + half.answered;
    const written = eventCount(server) - eventsBefore;
    const rows = [summary("At peak", peak), summary("At half of the peak", half)];
    console.table(rows);
    console.log(`Progress events written: ${written} for ${answered} steps answered.`);
    for (const failure of [...new Set([...warm.failures, ...peak.failures, ...half.failures])].slice(0, 5)) {
      console.log(`  failure: ${failure}`);
    }

    const lost = answered - written;
    recordSection("Learner journey", [
      `Measured ${today()} with \`npm run bench:journey\` on ${machine()}, ${LEARNERS} learners at once,`,
      `${DURATION} s a phase after a ${WARM_UP} s warm-up; ${canPin ? "the server pinned to core 0 and the load to core 1" : "unpinned (no taskset)"}.`,
      "A step is a learner posting Next on a section and loading the page it leads to, timed from the",
      "post to the end of that page. The event-loop delay is the server's: at peak its loop is never",
      "idle, so the delay is the queue of work; at half of the peak, a long one is a stall (compare",
      "the full collections in that phase).",
      "",
      markdownTable([
        [
          "",
          "steps a second",
          "p50",
          "p95",
          "p99",
          "server CPU a step",
          "failed steps",
          "longest event-loop delay",
          "full collections",
        ],
        ...rows.map((row) => [
          row.name,
          row.stepsPerSecond.toFixed(0),
          ms(row.p50),
          ms(row.p95),
          ms(row.p99),
          ms(row.cpuPerStep, 2),
          String(row.failures),
          ms(row.lagMax),
          String(row.majorGcs),
        ]),
        [
          "Before (2026-11-26, saturated)",
          String(BEFORE.stepsPerSecond),
          ms(BEFORE.p50),
          "n/a",
          ms(BEFORE.p99),
          "about 4 ms",
          "0",
          "n/a",
          "n/a",
        ],
      ]),
      "",
      `Progress events written: ${written} for ${answered} steps the server answered${lost === 0 ? ": none lost" : `: ${lost} missing`}.`,
      `Target: at least ${BEFORE.stepsPerSecond * 3} steps a second (3 times the figure before), with p99 under 100 ms at half of the peak.`,
      `Load average (1 min) before / after: ${loadBefore} / ${loadAfter}.`,
      ...busyNote(loadBefore, loadAfter),
    ]);
    if (lost !== 0) throw new Error(`${lost} steps answered have no progress event`);
  } finally {
    await server.stop();
    await server.remove();
  }
}

await main();
