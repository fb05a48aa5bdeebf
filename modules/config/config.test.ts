import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load";

function tempFolder() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "alongside-config-"));
}

describe("configuration", () => {
  it("needs no set-up: defaults, and a random session secret kept beside the database", () => {
    const dir = tempFolder();
    const databasePath = path.join(dir, "db", "app.sqlite");
    const first = loadConfig({ DATABASE_PATH: databasePath });
    expect(first.PORT).toBe(3000);
    expect(first.SEED_DEMO).toBe(true);
    expect(first.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    const secretFile = `${databasePath}.secret`;
    expect(fs.readFileSync(secretFile, "utf8").trim()).toBe(first.SESSION_SECRET);
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
    // The same secret on the next start, so sessions survive restarts.
    expect(loadConfig({ DATABASE_PATH: databasePath }).SESSION_SECRET).toBe(first.SESSION_SECRET);
  });

  it("names the variable and the value it could not use", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT .*"eighty"/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT must be between 0 and 65535/);
    expect(() => loadConfig({ SEED_DEMO: "maybe", DATABASE_PATH: path.join(tempFolder(), "x") })).toThrow(
      /SEED_DEMO must be true or false/,
    );
    expect(() => loadConfig({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  it("never echoes a password in the line it stops with: a mail server address's credentials, or a secret", () => {
    const messageOf = (env: Record<string, string>) => {
      try {
        loadConfig({ DATABASE_PATH: path.join(tempFolder(), "x"), ...env });
      } catch (error) {
        return error instanceof ConfigError ? error.message : String(error);
      }
      return "no error";
    };
    for (const value of [
      "ftp://mailer:s3cret-pass@mail.example.org:587",
      "smtp//mailer:s3cret-pass@mail.example.org",
      "mailer:s3cret-pass@mail.example.org",
      "smtp://mailer:s3cret@pass@mail example.org",
    ]) {
      const message = messageOf({ SMTP_URL: value });
      expect(message, value).toMatch(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/);
      expect(message, value).not.toContain("s3cret");
      expect(message, value).toContain("***@");
    }
    expect(messageOf({ SMTP_URL: "ftp://mailer:s3cret-pass@mail.example.org:587" })).toContain(
      '(got "ftp://***@mail.example.org:587")',
    );
    expect(messageOf({ SESSION_SECRET: "s3cret-but-short" })).not.toContain("s3cret");
    expect(messageOf({ LRS_ENDPOINT: "lrs:s3cret@nowhere" })).not.toContain("s3cret");
  });

  it("trusts a counted number of proxies, never whatever X-Forwarded-For says", () => {
    const withProxy = (value?: string) =>
      loadConfig({ TRUST_PROXY: value, DATABASE_PATH: path.join(tempFolder(), "x") }).TRUST_PROXY;
    expect(withProxy()).toBe(0);
    expect(withProxy("false")).toBe(0);
    expect(withProxy("no")).toBe(0);
    expect(withProxy("0")).toBe(0);
    // "true" is the one reverse proxy most set-ups have, as the variable always meant.
    expect(withProxy("true")).toBe(1);
    expect(withProxy("yes")).toBe(1);
    expect(withProxy("1")).toBe(1);
    expect(withProxy("2")).toBe(2);
    for (const bad of ["maybe", "-1", "1.5", "all", "100"]) {
      expect(() => withProxy(bad)).toThrow(
        /^TRUST_PROXY must be false, true \(one proxy\) or the number of proxies in front, such as 2 \(got ".*"\)$/,
      );
    }
  });

  it("runs one process without Redis, and one per core with it, or as many as WORKERS says", () => {
    const dir = tempFolder();
    const DATABASE_PATH = path.join(dir, "app.sqlite");
    const embedded = loadConfig({ DATABASE_PATH });
    expect(embedded.WORKERS).toBe(1);
    expect(embedded.REDIS_URL).toBeUndefined();
    const shared = loadConfig({ DATABASE_PATH, REDIS_URL: "redis://127.0.0.1:6379" });
    expect(shared.WORKERS).toBe(os.availableParallelism());
    expect(loadConfig({ DATABASE_PATH, REDIS_URL: "redis://127.0.0.1:6379", WORKERS: "3" }).WORKERS).toBe(3);
    // Editors on two processes would never see each other's typing without Redis between them.
    expect(() => loadConfig({ DATABASE_PATH, WORKERS: "2" })).toThrow(/WORKERS above 1 needs REDIS_URL/);
    expect(() => loadConfig({ DATABASE_PATH, REDIS_URL: "http://cache" })).toThrow(/REDIS_URL must be a redis:/);
    expect(() => loadConfig({ DATABASE_PATH, WORKERS: "0" })).toThrow(/WORKERS must be a whole number from 1/);
    // A password in the address never reaches the start-up line.
    expect(() => loadConfig({ DATABASE_PATH, REDIS_URL: "redis://:hunter2@cache", WORKERS: "none" })).toThrow(
      /^WORKERS/,
    );
  });

  it("keeps 32 MB of rendered learner pages unless set, none at 0, and refuses what is not a size", () => {
    const DATABASE_PATH = path.join(tempFolder(), "app.sqlite");
    expect(loadConfig({ DATABASE_PATH }).LEAN_PAGE_MEMORY_MB).toBe(32);
    expect(loadConfig({ DATABASE_PATH, LEAN_PAGE_MEMORY_MB: "0" }).LEAN_PAGE_MEMORY_MB).toBe(0);
    expect(loadConfig({ DATABASE_PATH, LEAN_PAGE_MEMORY_MB: "8.5" }).LEAN_PAGE_MEMORY_MB).toBe(8.5);
    for (const bad of ["-1", "lots", "5000"]) {
      expect(() => loadConfig({ DATABASE_PATH, LEAN_PAGE_MEMORY_MB: bad }), bad).toThrow(/^LEAN_PAGE_MEMORY_MB must/);
    }
  });

  it("limits sign-ups per address, five an hour unless set", () => {
    const folder = tempFolder();
    expect(loadConfig({ DATABASE_PATH: path.join(folder, "x") }).SIGNUPS_PER_HOUR).toBe(5);
    expect(loadConfig({ DATABASE_PATH: path.join(folder, "x"), SIGNUPS_PER_HOUR: "50" }).SIGNUPS_PER_HOUR).toBe(50);
    expect(() => loadConfig({ DATABASE_PATH: path.join(folder, "x"), SIGNUPS_PER_HOUR: "0" })).toThrow(
      /SIGNUPS_PER_HOUR must be a whole number from 1/,
    );
  });

  it("stops the server with one clear line and a non-zero exit for bad values and unwritable paths", () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: { ...process.env, ...env },
        encoding: "utf8",
        timeout: 30_000,
      });
    const badPort = run({ PORT: "not-a-port", DATABASE_PATH: path.join(tempFolder(), "a.sqlite") });
    expect(badPort.status).toBe(1);
    expect(badPort.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Alongside cannot start: PORT .*/)]);

    // /sys takes no files, not even from root (CI runs as root, who may write to any ordinary folder):
    // both a folder that cannot be made there and one that exists but cannot be written to.
    for (const databasePath of ["/sys/alongside-test/sub/a.sqlite", "/sys/a.sqlite"]) {
      const unwritable = run({ DATABASE_PATH: databasePath, SESSION_SECRET: "x".repeat(40) });
      expect(unwritable.status, databasePath).toBe(1);
      expect(unwritable.stderr.trim().split("\n"), databasePath).toEqual([
        `Alongside cannot start: cannot write to the database folder ${path.dirname(databasePath)}`,
      ]);
    }
    const fileAsFolder = path.join(tempFolder(), "file");
    fs.writeFileSync(fileAsFolder, "");
    const notAFolder = run({ DATABASE_PATH: path.join(fileAsFolder, "a.sqlite"), SESSION_SECRET: "x".repeat(40) });
    expect(notAFolder.status).toBe(1);
    expect(notAFolder.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Alongside cannot start: cannot write to the database folder/),
    ]);
  }, 120_000);
});
