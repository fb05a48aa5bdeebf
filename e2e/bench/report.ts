/**
 * What the benchmarks share: timing summaries, the machine they ran on, and writing one section of
 * docs/benchmarks.md (rerunning a benchmark replaces its own section and leaves the others alone).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT, type RunningServer } from "../support/server";

export const DOC_PATH = process.env.BENCH_DOC ?? path.join(PROJECT_ROOT, "docs", "benchmarks.md");

/** Stops with one clear line when there is no built app to run. */
export function requireBuild(script: string) {
  if (!fs.existsSync(path.join(PROJECT_ROOT, "build", "index.js"))) {
    console.error(`No built app in build/. Build it first: "npm run build", then "npm run ${script}".`);
    process.exit(1);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export type Summary = { runs: number; median: number; p95: number; min: number; max: number };

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (value: number, digits = 1) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : "n/a");

export const bytes = (n: number) =>
  n >= 2 ** 30
    ? `${(n / 2 ** 30).toFixed(2)} GB`
    : n >= 2 ** 20
      ? `${(n / 2 ** 20).toFixed(1)} MB`
      : `${(n / 2 ** 10).toFixed(1)} KB`;

export const count = (n: number) => n.toLocaleString("en-GB");

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()}`;
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A Markdown table with padded columns, as the formatter (biome) lays them out. */
export function markdownTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

/** Replaces the section headed `## <heading>` in docs/benchmarks.md, or adds it at the end. */
export function recordSection(heading: string, lines: string[]) {
  if (DOC_PATH === "-") return;
  const section = [`## ${heading}`, "", ...lines, ""].join("\n");
  let text = fs.existsSync(DOC_PATH)
    ? fs.readFileSync(DOC_PATH, "utf8")
    : [
        "# Benchmarks",
        "",
        "Measured numbers for Alongside on a small machine. Each section says how to rerun it; rerunning",
        "replaces that section only.",
        "",
      ].join("\n");
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const start = text.search(new RegExp(`^## ${escaped}[ \\t]*$`, "m"));
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

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc on Linux; NaN
 * elsewhere. Less disturbed by other work on the machine than wall-clock time (10 ms resolution).
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** The 1-minute load average, to say how busy the machine was while a benchmark ran. */
export const loadAverage = () => os.loadavg()[0]?.toFixed(1) ?? "n/a";

/** A warning for the record when the machine had more work than cores while a benchmark ran. */
export function busyNote(...loads: string[]): string[] {
  const busiest = Math.max(...loads.map(Number).filter(Number.isFinite));
  if (!(busiest > os.cpus().length)) return [];
  return [
    "",
    `The machine was busy with other work while this ran (load average up to ${busiest.toFixed(1)} on ${os.cpus().length} cores):`,
    "wall-clock times include waiting for a core; the CPU times are the steadier figures.",
  ];
}

/** Asks the server for its event-loop lag since the last ask (see server.ts, BENCH_EVENT_LOOP). */
export type Lag = { p50: number; p99: number; max: number; samples: number; heapUsed?: number; majorGcs?: number };

export async function eventLoopLag(server: RunningServer): Promise<Lag> {
  const PREFIX = "bench event-loop-lag ";
  const reports = () =>
    server
      .output()
      .split("\n")
      .filter((line) => line.startsWith(PREFIX));
  const before = reports().length;
  process.kill(server.pid, "SIGUSR2");
  const deadline = Date.now() + 10_000;
  while (reports().length <= before) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for the server's event-loop report");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return JSON.parse(reports().at(-1)?.slice(PREFIX.length) ?? "{}") as Lag;
}
