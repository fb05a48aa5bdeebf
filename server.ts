/**
 * The composition root: validates configuration, opens and migrates the database, seeds the demo when
 * asked, and serves Remix, /healthz and the collaboration WebSocket (/collab) from one HTTP server.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { type Connection, closeDatabase, openDatabase } from "./db/client";
import { seedDemo } from "./db/seed";
import { followAccessChanges } from "./modules/collaboration/follow-access";
import { type CollabControl, createCollaboration } from "./modules/collaboration/server";
import { ConfigError, loadConfig } from "./modules/config/load";
import type { Config } from "./modules/config/schemas";
import { createEventBus, type EventBus } from "./modules/events/bus";
import { actorFor } from "./modules/organisations/service";
import type { Runtime } from "./modules/runtime/types";
import { moduleLiveAccess } from "./modules/workshop/live-access";
import { startSender } from "./modules/xapi/sender";
import { lrsSettings } from "./modules/xapi/settings";

const BUILD_PATH = path.resolve("build/index.js");
/** Forms are small; CSV uploads are the largest thing anyone posts. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function fail(message: string): never {
  console.error(`Alongside cannot start: ${message}`);
  process.exit(1);
}

function securityHeaders(req: express.Request, res: express.Response, next: express.NextFunction) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self' ws: wss:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Quick exit must not tell the neutral site where the person came from: no referrer leaves the site.
  // Not "no-referrer": with it a browser sends `Origin: null` on a plain form POST, and Remix refuses
  // such a POST as cross-site, so every form without JavaScript would fail.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
}

/** SameSite=Lax already stops cross-site POSTs in current browsers; checking Origin covers older ones. */
function sameOriginWrites(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== req.get("host")) {
      res.status(403).type("text/plain").send("This form must be sent from Alongside itself.");
      return;
    }
  }
  const length = Number(req.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("That is too much to send at once (the limit is 2 MB).");
    return;
  }
  next();
}

export async function createApp(config: Config, db: Connection, collab: CollabControl, events: EventBus) {
  let build: ServerBuild;
  try {
    build = (await import(BUILD_PATH)) as ServerBuild;
  } catch {
    fail(`no built app at ${BUILD_PATH}: run "npm run build" first (npm start does it for you)`);
  }
  const runtime: Runtime = { db, config, collab, events };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  app.get("/healthz", (_req, res) => {
    db.$client.prepare("select 1").get();
    res.type("text/plain").send("ok");
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
  // Only the one file public/ holds besides the build: a catch-all static handler would look on disk
  // for every page request first.
  app.get("/favicon.svg", (_req, res) => {
    res.sendFile(path.resolve("public/favicon.svg"), { maxAge: "1h" });
  });
  app.use(securityHeaders, sameOriginWrites);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req, res) => ({ runtime, ip: req.ip ?? "unknown", nonce: String(res.locals.nonce) }),
    }),
  );
  return app;
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }

  let db: Connection;
  try {
    db = openDatabase(config.DATABASE_PATH);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  if (config.SEED_DEMO) {
    const seeded = await seedDemo(db);
    if (seeded) {
      console.log("Demo organisation ready. Log in with any of these (password for all: %s):", seeded.password);
      for (const account of seeded.accounts) console.log(`  ${account.role.padEnd(12)} ${account.email}`);
    }
  }

  // xAPI: with an LRS configured, statements for new progress are queued and sent in the background
  // (modules/xapi/sender.ts); a half-done LRS configuration stops the start rather than dropping them.
  let lrs: ReturnType<typeof lrsSettings>;
  try {
    lrs = lrsSettings(config);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const xapiSender = lrs ? startSender(db, { ...lrs, secret: config.SESSION_SECRET }) : null;

  const events = createEventBus();
  const collaboration = createCollaboration({ db, secret: config.SESSION_SECRET, access: moduleLiveAccess(actorFor) });
  followAccessChanges(events, collaboration.control);
  const app = await createApp(config, db, collaboration.control, events);
  const server = http.createServer(app);
  server.on("upgrade", collaboration.handleUpgrade);
  server.on("error", (error: NodeJS.ErrnoException) => {
    fail(
      error.code === "EADDRINUSE"
        ? `port ${config.PORT} is already in use (set PORT to another number)`
        : `cannot listen on ${config.HOST}:${config.PORT} (${error.code ?? error.message})`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing open requests and closing the database.`);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      closeDatabase(db);
      process.exit(0);
    };
    server.close();
    server.closeIdleConnections();
    // The xAPI sender stops alongside collaboration: its last outbox update must land before the database closes.
    Promise.all([collaboration.shutdown(), xapiSender?.stop()]).then(finish, (error) => {
      console.error("Shutting down collaboration failed; the update log is intact.", error);
      finish();
    });
    // A stuck connection must not keep the process alive forever.
    setTimeout(finish, 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const shown = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
    console.log(`Alongside is running on http://${shown}:${port}`);
  });
}

// Benchmarks only (npm run bench:collab sets BENCH_EVENT_LOOP=1): each SIGUSR2 prints the event-loop
// delay since the previous one, in ms beyond the 10 ms sampling interval, and starts a new window.
if (process.env.BENCH_EVENT_LOOP === "1") {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const lag = (ns: number) => Math.max(0, ns / 1e6 - 10);
  process.on("SIGUSR2", () => {
    const [p50, p99, max] = [delay.percentile(50), delay.percentile(99), delay.max].map(lag);
    console.log(`bench event-loop-lag ${JSON.stringify({ p50, p99, max, samples: delay.count })}`);
    delay.reset();
  });
}

if (!fs.existsSync(path.resolve("remix.config.js"))) fail("start the server from the project folder");
await main();
