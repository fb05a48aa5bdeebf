import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { newToken } from "../shared/ids";
import { type Config, configSchema, type RawConfig } from "./schemas";

export class ConfigError extends Error {}

/** Variables that are secrets through and through: a start-up error names them, never their value. */
const SECRETS = new Set(["SESSION_SECRET", "LRS_PASSWORD"]);

/**
 * A value as a start-up error may show it. Start-up lines land in logs that others read, so whatever
 * stands before the last "@" of an address (a user and password, well formed or not) is hidden.
 */
function shownValue(name: string, value: string): string {
  if (SECRETS.has(name)) return "a value that is not shown";
  const at = value.lastIndexOf("@");
  if (at < 0) return JSON.stringify(value);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? "";
  const start = at >= scheme.length ? scheme.length : 0;
  return JSON.stringify(`${value.slice(0, start)}***${value.slice(at)}`);
}

function readEnvironment(env: Record<string, string | undefined>) {
  // An empty variable means "not set", so `PORT= npm start` keeps the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "configuration");
    throw new ConfigError(`${name} ${issue?.message ?? "is not valid"} (got ${shownValue(name, env[name] ?? "")})`);
  }
  return parsed.data;
}

/**
 * The embedded default needs no set-up: without SESSION_SECRET, a random secret is made on the first run
 * and kept beside the database (mode 0600), so sessions survive restarts.
 */
function sessionSecretFor(databasePath: string): string {
  const file = `${path.resolve(databasePath)}.secret`;
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first run: fall through and create it
  }
  const secret = newToken();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  } catch {
    throw new ConfigError(`cannot write the session secret beside the database at ${file}`);
  }
  return secret;
}

/** Without Redis, a second process would hold its own copy of each live document (ADR 21). */
function workersFor(raw: RawConfig): number {
  if (raw.WORKERS === undefined) return raw.REDIS_URL ? os.availableParallelism() : 1;
  if (raw.WORKERS > 1 && !raw.REDIS_URL) {
    throw new ConfigError(
      `WORKERS above 1 needs REDIS_URL, so that editors on different processes see each other's changes (got ${raw.WORKERS})`,
    );
  }
  return raw.WORKERS;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = readEnvironment(env);
  const WORKERS = workersFor(raw);
  return { ...raw, WORKERS, SESSION_SECRET: raw.SESSION_SECRET ?? sessionSecretFor(raw.DATABASE_PATH) };
}
