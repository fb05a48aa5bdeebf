/**
 * The learner section page under load, side by side with a bare `node:http` server sending the very
 * same bytes, in the same run on the same machine.
 *
 *   npm run build && npm run bench:learner
 *
 * It starts the real built server with a fresh demo database, logs in as the demo learner through the
 * real form, enrols in "Peer support essentials" through the course page's form, and takes the first
 * section's URL from the course outline. It records that page once (status, headers, body) and starts
 * a bare `node:http` server (another process, another port) that answers every request with exactly
 * those bytes and headers. Then, with autocannon: each server's peak requests per second (as fast as
 * BENCH_CONNECTIONS connections go, for BENCH_DURATION seconds, after a warm-up), then each server's
 * p95 latency at half of its own peak (autocannon's `overallRate`).
 *
 * As for the baseline in ADR 11: with `taskset` and at least two cores, both servers run pinned to core 0 and
 * autocannon runs in its own process pinned to core 1. Without `taskset` it says so and runs unpinned.
 *
 * Settings (environment): BENCH_CONNECTIONS (50), BENCH_DURATION (10), BENCH_WARM_UP (3 seconds),
 * BENCH_CPU_PROF (a folder: the app server writes a CPU profile there when it stops), BENCH_DOC
 * (docs/benchmarks.md; "-" to skip writing it), LEAN_PAGES (passed to the server).
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "../../modules/demo/seed";
import { logInForCookie } from "../../modules/testing/collab-client";
import { freePort, PROJECT_ROOT, startServer } from "../support/server";
import type { RunResult } from "./autocannon-run";
import type { RecordedResponse } from "./bare-server";
import { BROWSER_ENCODING, canPin, LEARNER, load, nodeScript, pin, sectionUrl } from "./learner-load";
import {
  busyNote,
  bytes,
  loadAverage,
  machine,
  markdownTable,
  ms,
  processCpuMs,
  recordSection,
  requireBuild,
  today,
} from "./report";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
/** Headers that belong to one connection or one moment, not to the page. */
const PER_CONNECTION = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

/** One GET with the raw response as it came: status, headers in order, body bytes, framing. */
function record(url: string, cookie: string): Promise<RecordedResponse & { bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Cookie: cookie, ...BROWSER_ENCODING } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headers: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] ?? "";
            if (!PER_CONNECTION.has(name.toLowerCase())) headers.push([name, res.rawHeaders[i + 1] ?? ""]);
          }
          const body = Buffer.concat(chunks);
          resolve({
            statusCode: res.statusCode ?? 0,
            headers,
            body: body.toString("base64"),
            bytes: body,
            chunked: res.headers["content-length"] === undefined,
          });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function main() {
  requireBuild("bench:learner");
  console.log(
    canPin
      ? "Pinned: both servers on core 0, autocannon on core 1 (taskset)."
      : "NOT pinned: taskset is not available (or there is one core), so servers and autocannon share the cores.",
  );
  const profileFolder = process.env.BENCH_CPU_PROF;
  const server = await startServer({
    label: "bench server",
    env: {
      // LEAN_PAGES=false measures the page through Remix's full path, to compare (ADR 40).
      LEAN_PAGES: process.env.LEAN_PAGES,
      // LEAN_PAGE_MEMORY_MB=0 renders the page on every request instead of answering from memory (ADR 41).
      LEAN_PAGE_MEMORY_MB: process.env.LEAN_PAGE_MEMORY_MB,
      ...(profileFolder
        ? {
            NODE_OPTIONS: `--import ${path.join(PROJECT_ROOT, "e2e", "bench", "cpu-profile.mjs")}`,
            BENCH_CPU_PROF: path.resolve(profileFolder),
          }
        : {}),
    },
  });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-bench-learner-"));
  let bare: ChildProcess | null = null;
  try {
    if (canPin) pin(server.pid, 0);
    const cookie = await logInForCookie(server.baseURL, LEARNER, DEMO_PASSWORD);
    const pathname = await sectionUrl(server.baseURL, cookie);
    const pageUrl = `${server.baseURL}${pathname}`;
    const recorded = await record(pageUrl, cookie);
    if (recorded.statusCode !== 200) throw new Error(`the section page answered ${recorded.statusCode}`);
    const recordedFile = path.join(folder, "page.json");
    const { bytes: body, ...stored } = recorded;
    fs.writeFileSync(recordedFile, JSON.stringify(stored));
    console.log(`Section page ${pathname}: ${bytes(body.length)}${recorded.chunked ? ", chunked" : ""}.`);

    const barePort = await freePort();
    bare = nodeScript("bare-server.ts", [recordedFile, String(barePort)], 0);
    const bareReady = new Promise<void>((resolve, reject) => {
      bare?.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      bare?.once("exit", (code) => reject(new Error(`the bare server stopped (exit code ${code})`)));
    });
    await bareReady;
    const bareUrl = `http://127.0.0.1:${barePort}${pathname}`;
    const check = await record(bareUrl, cookie);
    if (!Buffer.from(check.body, "base64").equals(body)) throw new Error("the bare server sends different bytes");

    const loadBefore = loadAverage();
    const targets = [
      { name: "Learner section page", url: pageUrl, pid: server.pid },
      { name: "bare node:http, same bytes", url: bareUrl, pid: bare.pid ?? 0 },
    ];
    const headers = { Cookie: cookie, ...BROWSER_ENCODING };
    const peaks: RunResult[] = [];
    /** The server's CPU time per request at peak, in ms. */
    const cpuPerRequest: number[] = [];
    for (const target of targets) {
      console.log(`${target.name}: warming up (${WARM_UP} s), then peak load for ${DURATION} s…`);
      await load({ url: target.url, headers, connections: CONNECTIONS, duration: WARM_UP });
      const cpuBefore = processCpuMs(target.pid);
      const peak = await load({ url: target.url, headers, connections: CONNECTIONS, duration: DURATION });
      cpuPerRequest.push((processCpuMs(target.pid) - cpuBefore) / Math.max(1, peak.requests));
      peaks.push(peak);
    }
    const halves: RunResult[] = [];
    for (const [i, target] of targets.entries()) {
      const rate = Math.max(1, Math.floor((peaks[i]?.requestsPerSecond ?? 2) / 2));
      console.log(`${target.name}: ${rate} requests/s (half of peak) for ${DURATION} s…`);
      halves.push(
        await load({
          url: target.url,
          headers,
          connections: CONNECTIONS,
          duration: DURATION,
          overallRate: rate,
          latencies: true,
        }),
      );
    }
    const runs = [
      ...peaks.map((r, i) => ({ r, what: `${targets[i]?.name}, peak` })),
      ...halves.map((r, i) => ({ r, what: `${targets[i]?.name}, half load` })),
    ];
    const failures = (r: RunResult) => r.non2xx + r.errors;
    const failed = runs.filter(({ r }) => failures(r) > 0);
    const failureText =
      failed.length === 0
        ? "none"
        : failed
            .map(
              ({ r, what }) =>
                `${what}: ${r.non2xx} not 2xx, ${r.errors} errors (${r.timeouts} timeouts) of ${r.requests}`,
            )
            .join("; ");
    if (failed.length > 0) console.warn(`Some requests failed: ${failureText}.`);
    const [page, base] = peaks as [RunResult, RunResult];
    const [pageHalf, baseHalf] = halves as [RunResult, RunResult];
    const ratio = page.requestsPerSecond / base.requestsPerSecond;
    const loadAfter = loadAverage();
    const [pageCpu = Number.NaN, baseCpu = Number.NaN] = cpuPerRequest;
    console.log("");
    console.table({
      "Learner section page": {
        "peak req/s": Math.round(page.requestsPerSecond),
        "p95 at half load (ms)": pageHalf.p95,
        "p50 at half load (ms)": pageHalf.p50,
        "half-load rate achieved (req/s)": Math.round(pageHalf.requestsPerSecond),
        "server CPU per request at peak (ms)": Number(pageCpu.toFixed(2)),
      },
      "bare node:http, same bytes": {
        "peak req/s": Math.round(base.requestsPerSecond),
        "p95 at half load (ms)": baseHalf.p95,
        "p50 at half load (ms)": baseHalf.p50,
        "half-load rate achieved (req/s)": Math.round(baseHalf.requestsPerSecond),
        "server CPU per request at peak (ms)": Number(baseCpu.toFixed(3)),
      },
    });
    console.log(`Ratio: the page serves ${(ratio * 100).toFixed(1)} % of bare node:http's requests per second.`);
    console.log(`Load average (1 min) before / after: ${loadBefore} / ${loadAfter}.`);

    const autocannonVersion = (
      JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "node_modules", "autocannon", "package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    recordSection("Learner section page", [
      "`npm run bench:learner` (after `npm run build`): the real built server with a fresh demo database; the demo",
      'learner logs in through the real form, enrols in "Peer support essentials" through the course page\'s form,',
      "and the first section's URL is taken from the course outline. That page is recorded once (status, headers,",
      "body) and a bare `node:http` server, started by the benchmark in its own process on another port, answers",
      "every request with exactly those bytes and headers. Every request sends `Accept-Encoding: gzip`, as a browser",
      "does, so the recorded page is the compressed one the app sends. In the same run, autocannon measures each server's peak",
      `requests per second (${CONNECTIONS} connections for ${DURATION} s, after a ${WARM_UP} s warm-up), then each server's`,
      `latency at half of its own peak (autocannon \`overallRate\`, ${CONNECTIONS} connections, ${DURATION} s; p95 over every`,
      "response). autocannon paces a rate per connection and per second: each connection sends its share as soon",
      "as each second starts, so at half load every second opens with a burst of up to one request per connection,",
      "and the p95 includes waiting behind that burst (p50 shown too). Errors, timeouts and non-2xx answers are",
      "counted and shown. Server CPU time per request is the server process's CPU time (from /proc) over the peak",
      "run divided by the requests it answered.",
      canPin
        ? "Both servers run pinned to core 0 and autocannon to core 1 (`taskset`), as for the baseline in ADR 11."
        : "`taskset` was not available: servers and autocannon shared the cores (not pinned).",
      "",
      markdownTable([
        ["Measure", "Learner section page", "bare `node:http`, same bytes"],
        [
          "Peak requests per second",
          `**${Math.round(page.requestsPerSecond)}**`,
          `${Math.round(base.requestsPerSecond)}`,
        ],
        ["Ratio of requests per second", `**${(ratio * 100).toFixed(1)} %**`, "100 %"],
        [
          "p95 latency at half of peak load",
          `**${ms(pageHalf.p95 ?? Number.NaN)}** at ${Math.round(pageHalf.requestsPerSecond)} req/s`,
          `${ms(baseHalf.p95 ?? Number.NaN)} at ${Math.round(baseHalf.requestsPerSecond)} req/s`,
        ],
        ["p50 latency at half of peak load", ms(pageHalf.p50 ?? Number.NaN), ms(baseHalf.p50 ?? Number.NaN)],
        ["Server CPU time per request at peak", ms(pageCpu, 2), ms(baseCpu, 3)],
        [
          "Page size as sent (gzip)",
          `${bytes(body.length)} (${body.length} bytes${recorded.chunked ? ", chunked" : ""})`,
          "the same bytes",
        ],
      ]),
      "",
      markdownTable([
        ["Run", "Value"],
        ["Machine", machine()],
        ["Pinned", canPin ? "yes: servers on core 0, autocannon on core 1" : "no (taskset not available)"],
        ["Load generator", `autocannon ${autocannonVersion}, its own process`],
        ["Failed requests (errors, timeouts, not 2xx)", failureText],
        ["Load average (1 min) before / after", `${loadBefore} / ${loadAfter}`],
        ["Date", today()],
      ]),
      ...busyNote(loadBefore, loadAfter),
    ]);
  } finally {
    if (bare && bare.exitCode === null) {
      const exited = new Promise((resolve) => bare?.once("exit", resolve));
      bare.kill("SIGTERM");
      await exited;
    }
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
