/**
 * Starts the real, built Alongside server as a child process on a free port with its own database.
 *
 * The global setup uses it for the server most tests share; tests that must not share state (log-in
 * throttling, restarts, crashes) start their own through the `startServer` fixture.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Settings the server reads from its environment: never inherited from the shell running the tests. */
const SERVER_SETTINGS = [
  "PORT",
  "HOST",
  "DATABASE_PATH",
  "SESSION_SECRET",
  "SEED_DEMO",
  "TRUST_PROXY",
  "SIGNUPS_PER_HOUR",
  "APP_ORIGIN",
  "SMTP_URL",
  "MAIL_FROM",
  "REDIS_URL",
  "WORKERS",
  "LEAN_PAGES",
  "LEAN_PAGE_MEMORY_MB",
];

// Generous: a server starting on a busy 2-core machine can take over 30 s to migrate and seed.
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_LINES_KEPT = 400;

export type ServerOptions = {
  /** Extra environment for the server; a value of `undefined` removes the variable. */
  env?: Record<string, string | undefined>;
  /**
   * Use this database file instead of a fresh one (for example to restart on the database a stopped
   * server left behind). The caller owns it: `remove()` does not delete it.
   */
  databasePath?: string;
  /** Shown before the server's error output, to tell servers apart in the test log. */
  label?: string;
  /** Run on this port (for a restart on the same address); a free one by default. */
  port?: number;
};

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export type RunningServer = {
  /** `http://127.0.0.1:<port>`, to pass as `baseURL` to a browser context or request context. */
  baseURL: string;
  port: number;
  databasePath: string;
  pid: number;
  /** Sends a signal (SIGTERM by default) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<ExitStatus>;
  /** SIGKILL: the process dies at once, with no chance to flush anything. */
  kill(): Promise<ExitStatus>;
  /** Resolves when the process exits, however that happens. */
  exited: Promise<ExitStatus>;
  /** Everything the server printed so far (the last few hundred lines). */
  output(): string;
  /** The file holding all the server printed on stdout and stderr, from its start, however long. */
  logPath: string;
  /** Everything the server printed so far, all of it, read from `logPath`. */
  log(): string;
  /** The session secret the server generated and keeps beside its database. */
  sessionSecret(): string;
  /** Deletes the temporary folder this helper created for the database (not a `databasePath` you passed). */
  remove(): Promise<void>;
};

/** A port nobody is listening on right now, from the operating system. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function serverEnvironment(options: ServerOptions, port: number, databasePath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_SETTINGS) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    SEED_DEMO: "true",
  });
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

async function waitUntilHealthy(baseURL: string, child: ChildProcess, exited: Promise<ExitStatus>, log: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  while (Date.now() < deadline) {
    if (hasExited || child.exitCode !== null) {
      throw new Error(`The Alongside server exited before it was ready. It printed:\n${log()}`);
    }
    try {
      const response = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`The Alongside server was not ready within ${READY_TIMEOUT_MS / 1000} s. It printed:\n${log()}`);
}

/**
 * Starts `node --import tsx server.ts` (never through npx or npm, so signals reach the server itself)
 * and resolves once `/healthz` answers.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(PROJECT_ROOT, "build", "index.js"))) {
    throw new Error('There is no built app in build/: run "npx remix build" before the end-to-end tests.');
  }
  const ownFolder = options.databasePath ? null : await fs.promises.mkdtemp(path.join(os.tmpdir(), "alongside-e2e-"));
  const databasePath = options.databasePath ?? path.join(ownFolder ?? "", "alongside.sqlite");
  const port = options.port ?? (await freePort());
  const baseURL = `http://127.0.0.1:${port}`;
  const label = options.label ?? `server :${port}`;

  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: PROJECT_ROOT,
    env: serverEnvironment(options, port, databasePath),
    stdio: ["ignore", "pipe", "pipe"],
  });

  // The whole log, for tests that check the server never prints something; `output()` keeps only the end.
  const logPath = path.join(
    ownFolder ?? path.dirname(path.resolve(PROJECT_ROOT, databasePath)),
    `server-${port}-${Date.now()}.log`,
  );
  fs.writeFileSync(logPath, "");
  const lines: string[] = [];
  const keep = (chunk: Buffer, toStderr: boolean) => {
    fs.appendFileSync(logPath, chunk);
    const text = chunk.toString("utf8");
    for (const line of text.split("\n")) {
      if (line === "") continue;
      lines.push(line);
      // Errors the server prints (a 500's stack, for example) belong in the test log.
      if (toStderr) process.stderr.write(`[${label}] ${line}\n`);
    }
    if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT);
  };
  child.stdout?.on("data", (chunk: Buffer) => keep(chunk, false));
  child.stderr?.on("data", (chunk: Buffer) => keep(chunk, true));
  const output = () => lines.join("\n");

  let stopping = false;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("exit", (code, signal) => {
      // Tests that then fail with "connection refused" are much easier to read with this line.
      if (!stopping) process.stderr.write(`[${label}] exited unexpectedly (code ${code}, signal ${signal})\n`);
      resolve({ code, signal });
    });
  });

  const pid = child.pid;
  if (pid === undefined) throw new Error("The Alongside server process could not be started.");

  const stop = async (signal: NodeJS.Signals = "SIGTERM"): Promise<ExitStatus> => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    stopping = true;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    await waitUntilHealthy(baseURL, child, exited, output);
  } catch (error) {
    await stop("SIGKILL");
    if (ownFolder) await fs.promises.rm(ownFolder, { recursive: true, force: true });
    throw error;
  }

  return {
    baseURL,
    port,
    databasePath,
    pid,
    stop,
    kill: () => stop("SIGKILL"),
    exited,
    output,
    logPath,
    log: () => fs.readFileSync(logPath, "utf8"),
    sessionSecret: () =>
      options.env?.SESSION_SECRET ??
      fs.readFileSync(`${path.resolve(PROJECT_ROOT, databasePath)}.secret`, "utf8").trim(),
    remove: async () => {
      if (ownFolder) await fs.promises.rm(ownFolder, { recursive: true, force: true });
    },
  };
}
