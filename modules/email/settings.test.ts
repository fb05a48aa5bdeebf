import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config/load";
import { mailSettings } from "./settings";

const load = (env: Record<string, string>) =>
  loadConfig({ DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "alongside-mail-")), "x"), ...env });

describe("the email settings", () => {
  it("are off by default: messages wait in the outbox", () => {
    expect(mailSettings(load({}))).toBeNull();
  });

  it("read an SMTP server, a sender and the public address", () => {
    expect(
      mailSettings(
        load({
          SMTP_URL: "smtp://user:pass@mail.example.org:587",
          MAIL_FROM: "Alongside <alongside@example.org>",
          APP_ORIGIN: "https://alongside.example.org/",
        }),
      ),
    ).toEqual({
      smtpUrl: "smtp://user:pass@mail.example.org:587",
      from: "Alongside <alongside@example.org>",
      origin: "https://alongside.example.org",
    });
  });

  it("refuse bad values and half a configuration with one clear sentence", () => {
    expect(() => load({ SMTP_URL: "mail.example.org" })).toThrow(
      /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/,
    );
    expect(() => load({ SMTP_URL: "https://mail.example.org" })).toThrow(/^SMTP_URL must be an smtp/);
    expect(() => load({ MAIL_FROM: "Alongside" })).toThrow(/^MAIL_FROM must be an email address/);
    const half = (env: Record<string, string>) => () => mailSettings(load(env));
    expect(half({ SMTP_URL: "smtp://mail.example.org" })).toThrow(ConfigError);
    expect(half({ SMTP_URL: "smtp://mail.example.org" })).toThrow("SMTP_URL needs MAIL_FROM as well");
    expect(half({ SMTP_URL: "smtp://mail.example.org", MAIL_FROM: "a@example.org" })).toThrow(
      "SMTP_URL needs APP_ORIGIN as well",
    );
    expect(half({ MAIL_FROM: "a@example.org" })).toThrow("MAIL_FROM needs SMTP_URL as well");
  });

  it("stop the server at start-up with that one sentence", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "alongside-mail-")), "a.sqlite"),
        SESSION_SECRET: "x".repeat(40),
        SEED_DEMO: "false",
        SMTP_URL: "smtp://mail.example.org:587",
        MAIL_FROM: "",
        APP_ORIGIN: "",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "Alongside cannot start: SMTP_URL needs MAIL_FROM as well (the address email is sent from)",
    ]);
  }, 60_000);
});
