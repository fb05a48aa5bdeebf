/**
 * What the learner benchmarks share: pinning to cores, autocannon in its own process, and finding the
 * demo learner's first section page on a running server.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../support/server";
import type { RunOptions, RunResult } from "./autocannon-run";

export const LEARNER = "learner@example.org";
const COURSE = "Peer support essentials";

export const canPin = (() => {
  if (os.cpus().length < 2) return false;
  const probe = spawnSync("taskset", ["-c", "0", "true"]);
  return probe.status === 0;
})();

/** Pins a running process, all its threads, to one core. */
export function pin(pid: number, core: number) {
  const result = spawnSync("taskset", ["-a", "-cp", String(core), String(pid)], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`taskset could not pin process ${pid}: ${result.stderr}`);
}

/** `node --import tsx <script> ...`, pinned to a core when we can. */
export function nodeScript(script: string, args: string[], core: number): ChildProcess {
  const node = [process.execPath, "--import", "tsx", path.join(PROJECT_ROOT, "e2e", "bench", script), ...args];
  const [command = "", ...rest] = canPin ? ["taskset", "-c", String(core), ...node] : node;
  return spawn(command, rest, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
}

async function output(child: ChildProcess): Promise<string> {
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`a benchmark process failed (exit code ${code})`);
  return text;
}

/** Runs a load generator on core 1 with its options as JSON, and reads the one line of JSON it prints. */
export async function runOnCoreOne<Result>(script: string, options: unknown): Promise<Result> {
  const text = await output(nodeScript(script, [JSON.stringify(options)], 1));
  return JSON.parse(text.trim().split("\n").at(-1) ?? "{}") as Result;
}

export async function load(options: RunOptions): Promise<RunResult> {
  return runOnCoreOne<RunResult>("autocannon-run.ts", options);
}

/** As a browser asks: the page comes compressed, and both servers send those compressed bytes. */
export const BROWSER_ENCODING = { "Accept-Encoding": "gzip" };

/** Logs in, enrols in the demo course through its page's form, and finds a section to read. */
export async function sectionUrl(baseURL: string, cookie: string): Promise<string> {
  const get = async (pathname: string) => {
    const response = await fetch(`${baseURL}${pathname}`, { headers: { Cookie: cookie }, redirect: "manual" });
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`);
    return response.text();
  };
  const learn = await get("/learn");
  const course = new RegExp(`href="(/learn/courses/[A-Za-z0-9_-]{22})"[^>]*>${COURSE}<`).exec(learn)?.[1];
  if (!course) throw new Error(`"${COURSE}" is not offered on /learn`);
  const enrolled = await fetch(`${baseURL}${course}`, {
    method: "POST",
    body: new URLSearchParams({ intent: "enrol" }),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    redirect: "manual",
  });
  const outline = enrolled.headers.get("location");
  if (enrolled.status !== 302 || !outline?.startsWith("/learn/e/")) {
    throw new Error(`enrolling answered ${enrolled.status} ${outline ?? ""}`);
  }
  const page = await get(outline);
  const section = new RegExp(`href="(${outline}/m/[A-Za-z0-9_-]{22}/s/\\d+)"`).exec(page)?.[1];
  if (!section) throw new Error("the course outline links to no section");
  return section;
}
