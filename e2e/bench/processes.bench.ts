/**
 * The learner section page with one server process and with two worker processes joined through Redis
 * (ADR 21), side by side in one run on one machine.
 *
 *   npm run build && npm run bench:processes
 *
 * Each server starts on a fresh demo database; the demo learner logs in through the real form, enrols
 * in the demo course and reads its first section, as in `bench:learner`. autocannon (its own process,
 * pinned to core 1 when `taskset` is there) measures peak requests per second for BENCH_DURATION
 * seconds after a warm-up. The servers are not pinned: the point is what a second process adds when
 * it may use the other core. Redis is a real redis-server started by the benchmark.
 *
 * Settings (environment): BENCH_CONNECTIONS (50), BENCH_DURATION (10), BENCH_WARM_UP (3 seconds),
 * BENCH_DOC (docs/benchmarks.md; "-" to skip writing it).
 */
import { DEMO_PASSWORD } from "../../modules/demo/seed";
import { logInForCookie } from "../../modules/testing/collab-client";
import { startRedis } from "../../modules/testing/redis";
import { startServer } from "../support/server";
import type { RunResult } from "./autocannon-run";
import { BROWSER_ENCODING, canPin, LEARNER, load, sectionUrl } from "./learner-load";
import { busyNote, loadAverage, machine, markdownTable, ms, recordSection, requireBuild, today } from "./report";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);

async function peakWith(workers: number, redisUrl: string | undefined): Promise<RunResult> {
  const server = await startServer({
    label: `bench server, ${workers} process${workers === 1 ? "" : "es"}`,
    env: { WORKERS: String(workers), REDIS_URL: redisUrl },
  });
  try {
    const cookie = await logInForCookie(server.baseURL, LEARNER, DEMO_PASSWORD);
    const url = `${server.baseURL}${await sectionUrl(server.baseURL, cookie)}`;
    const headers = { Cookie: cookie, ...BROWSER_ENCODING };
    console.log(`${workers} process(es): warming up (${WARM_UP} s), then peak load for ${DURATION} s…`);
    await load({ url, headers, connections: CONNECTIONS, duration: WARM_UP });
    return await load({ url, headers, connections: CONNECTIONS, duration: DURATION, latencies: true });
  } finally {
    await server.stop();
    await server.remove();
  }
}

async function main() {
  requireBuild("bench:processes");
  const redis = await startRedis();
  try {
    const loadBefore = loadAverage();
    const one = await peakWith(1, undefined);
    const two = await peakWith(2, redis.url);
    const loadAfter = loadAverage();
    const gain = two.requestsPerSecond / one.requestsPerSecond;
    const failures = (r: RunResult) => r.non2xx + r.errors;
    console.table({
      "1 process": { "peak req/s": Math.round(one.requestsPerSecond), "p95 (ms)": one.p95, failed: failures(one) },
      "2 workers + Redis": {
        "peak req/s": Math.round(two.requestsPerSecond),
        "p95 (ms)": two.p95,
        failed: failures(two),
      },
    });
    console.log(`Two workers serve ${gain.toFixed(2)}× the requests of one process.`);
    recordSection("Learner section page, one process and two", [
      "`npm run bench:processes` (after `npm run build`): the learner section page of `bench:learner`, served by",
      "one process and then by two worker processes (`WORKERS=2`, with a real Redis started by the benchmark),",
      `each on a fresh demo database. autocannon measures peak requests per second (${CONNECTIONS} connections for`,
      `${DURATION} s after a ${WARM_UP} s warm-up), and the p95 at that peak. The servers are not pinned, so a second`,
      canPin
        ? "worker may use the second core; autocannon is pinned to core 1, so on 2 cores it competes with one worker."
        : "worker may use the second core; `taskset` was not available, so autocannon shares the cores too.",
      "",
      markdownTable([
        ["Measure", "1 process", "2 workers and Redis"],
        [
          "Peak requests per second",
          `${Math.round(one.requestsPerSecond)}`,
          `**${Math.round(two.requestsPerSecond)}**`,
        ],
        ["p95 latency at peak", ms(one.p95 ?? Number.NaN), ms(two.p95 ?? Number.NaN)],
        ["Failed requests", `${failures(one)}`, `${failures(two)}`],
        ["Two workers against one process", "1.00×", `**${gain.toFixed(2)}×**`],
      ]),
      "",
      markdownTable([
        ["Run", "Value"],
        ["Machine", machine()],
        ["Load average (1 min) before / after", `${loadBefore} / ${loadAfter}`],
        ["Date", today()],
      ]),
      ...busyNote(loadBefore, loadAfter),
    ]);
  } finally {
    await redis.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
