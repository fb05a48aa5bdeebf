/**
 * The composition root: validates configuration, opens and migrates the database, seeds the demo when
 * asked, and serves Remix, /healthz and the collaboration WebSocket (/collab) from one HTTP server.
 */
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver, constants as perf } from "node:perf_hooks";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { type Connection, closeDatabase, openDatabase } from "./db/client";
import { followAccessChanges } from "./modules/collaboration/follow-access";
import { linkProcesses, type ProcessLink } from "./modules/collaboration/process-link";
import { type CollabControl, createCollaboration } from "./modules/collaboration/server";
import { indexUnreadDocuments } from "./modules/collaboration/store";
import { ConfigError, loadConfig } from "./modules/config/load";
import type { Config } from "./modules/config/schemas";
import { seedDemo } from "./modules/demo/seed";
import { startEmailSender } from "./modules/email/sender";
import { mailSettings } from "./modules/email/settings";
import { smtpTransport } from "./modules/email/smtp";
import { createEventBus, type EventBus } from "./modules/events/bus";
import { limitBody } from "./modules/http/body-limit";
import { noSniff, securityHeaders } from "./modules/http/headers";
import { refuseLegacyDataRequests } from "./modules/http/legacy-data";
import { privateWhenSignedIn } from "./modules/http/private-cache";
import { inlineScriptSourcesOf, remixHandler } from "./modules/http/remix-handler";
import { sameOriginWrites } from "./modules/http/same-origin";
import { lockedNodeIds } from "./modules/locks/live-locks";
import { startDigests } from "./modules/notifications/digest-job";
import { actorFor } from "./modules/organisations/service";
import { offerNewSupportDefaults } from "./modules/organisations/support-defaults";
import { startRetention } from "./modules/privacy/retention-job";
import { startReminders } from "./modules/reminders/reminder-job";
import { startReviewReminders } from "./modules/review-requests/reminder-job";
import type { Runtime } from "./modules/runtime/types";
import { startStoryReviews } from "./modules/stories/review-job";
import { moduleLiveAccess } from "./modules/workshop/live-access";
import { recordAttendance } from "./modules/workshop-sessions/attendance";
import { onBreak } from "./modules/workshop-sessions/live-break";
import { startSender } from "./modules/xapi/sender";
import { lrsSettings } from "./modules/xapi/settings";

const BUILD_PATH = path.resolve("build/index.js");

function fail(message: string): never {
  console.error(`Alongside cannot start: ${message}`);
  process.exit(1);
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
  app.use(noSniff);
  // HTML, CSS and JS shrink to a fraction. Streamed pages still stream: Remix flushes each chunk it
  // writes, and the collaboration WebSocket never passes through Express.
  app.use(compression());
  // Before any route: none may read more of a body than the limit.
  app.use(limitBody());
  app.get("/healthz", (_req, res) => {
    db.$client.prepare("select 1").get();
    res.type("text/plain").send("ok");
  });
  // Built files carry their hash in their name, so they never change; their Brotli and gzip copies
  // were made at build time (modules/http/precompress.ts), and the compression above leaves them be.
  app.use(
    "/build",
    expressStaticGzip("public/build", {
      enableBrotli: true,
      orderPreference: ["br", "gz"],
      index: false,
      serveStatic: { immutable: true, maxAge: "1y", index: false },
    }),
  );
  // Only the one file public/ holds besides the build: a catch-all static handler would look on disk
  // for every page request first.
  app.get("/favicon.svg", (_req, res) => {
    res.sendFile(path.resolve("public/favicon.svg"), { maxAge: "1h" });
  });
  // Browsers and crawlers ask for /favicon.ico whatever the page links to.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  app.use(
    securityHeaders(inlineScriptSourcesOf(build)),
    sameOriginWrites,
    refuseLegacyDataRequests,
    privateWhenSignedIn,
  );
  app.all(
    "*",
    remixHandler({
      build,
      getLoadContext: (req, res) => ({ runtime, ip: req.ip ?? "unknown", nonce: String(res.locals.nonce) }),
      leanPages: config.LEAN_PAGES && { memoryBytes: config.LEAN_PAGE_MEMORY_MB * 1024 * 1024 },
    }),
  );
  return app;
}

/** Opens and migrates the database, and seeds the demo when asked: once, before any process serves. */
async function prepare(config: Config): Promise<Connection> {
  let db: Connection;
  try {
    db = openDatabase(config.DATABASE_PATH);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  // Modules written before search arrived have their text read into the index once.
  indexUnreadDocuments(db);
  // Default support resources added to content/support-resources.json reach existing organisations.
  offerNewSupportDefaults(db, new Date());

  if (config.SEED_DEMO) {
    const seeded = await seedDemo(db);
    if (seeded) {
      console.log("Demo organisation ready. Log in with any of these (password for all: %s):", seeded.password);
      for (const account of seeded.accounts) console.log(`  ${account.role.padEnd(12)} ${account.email}`);
    }
  }
  return db;
}

/** The background work, run by one process only: with several workers, by the one that starts them. */
function startJobs(config: Config, db: Connection) {
  // xAPI: with an LRS configured, statements for new progress are queued and sent in the background
  // (modules/xapi/sender.ts); a half-done LRS configuration stops the start rather than dropping them.
  let lrs: ReturnType<typeof lrsSettings>;
  try {
    lrs = lrsSettings(config);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const xapiSender = lrs ? startSender(db, { ...lrs, secret: config.SESSION_SECRET }) : null;
  // Retention: organisations that set a period have inactive learners told, then their progress removed.
  const retention = startRetention(db);
  // Due-date reminders: each learner gets one before and one gentle note after, queued as email.
  const reminders = startReminders(db);
  // Review requests: one in-app reminder as the date nears; mentions, replies and requests in daily digests.
  const reviewReminders = startReviewReminders(db);
  const digests = startDigests(db);
  // Stories past their review date: the storyteller is asked once; no answer tells the facilitators.
  const storyReviews = startStoryReviews(db);

  // Email: queued with the change that causes it, sent in the background through SMTP; without
  // SMTP_URL it waits in the outbox (modules/email), and development logs name each queued message.
  let mail: ReturnType<typeof mailSettings>;
  try {
    mail = mailSettings(config);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const emailSender = startEmailSender(db, {
    transport: mail ? smtpTransport(mail) : null,
    links: {
      origin: mail?.origin ?? config.APP_ORIGIN ?? `http://localhost:${config.PORT}`,
      secret: config.SESSION_SECRET,
    },
    announce: process.env.NODE_ENV !== "production",
  });

  return {
    /** The senders' last outbox updates must land before the database closes. */
    async stop() {
      retention.stop();
      reminders.stop();
      reviewReminders.stop();
      digests.stop();
      storyReviews.stop();
      await Promise.all([xapiSender?.stop(), emailSender.stop()]);
    },
  };
}

/** Serves Remix, /healthz and the collaboration WebSocket from one HTTP server in this process. */
async function serve(config: Config, db: Connection, link: ProcessLink | undefined) {
  const events = createEventBus();
  const collaboration = createCollaboration({
    db,
    secret: config.SESSION_SECRET,
    access: moduleLiveAccess(actorFor),
    locks: lockedNodeIds,
    breaks: onBreak,
    attended: recordAttendance,
    link,
  });
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
  server.listen(config.PORT, config.HOST, () => {
    if (cluster.isWorker) return;
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const shown = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
    console.log(`Alongside is running on http://${shown}:${port}`);
  });
  return {
    async stop() {
      server.close();
      server.closeIdleConnections();
      await collaboration.shutdown();
    },
  };
}

async function linked(config: Config): Promise<ProcessLink | undefined> {
  if (!config.REDIS_URL) return undefined;
  try {
    return await linkProcesses(config.REDIS_URL);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** Stops once on SIGTERM or SIGINT, and never waits on a stuck connection for more than 10 s. */
function onStop(stop: () => Promise<unknown>, close: () => void) {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) console.log(`${signal} received: finishing open requests and closing the database.`);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      close();
      process.exit(0);
    };
    stop().then(finish, (error) => {
      console.error("Shutting down failed part-way; the update log is intact.", error);
      finish();
    });
    setTimeout(finish, 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/**
 * With several workers (ADR 21), this process prepares the database, runs the background jobs and keeps
 * the workers running; they share the port, the database and Redis, and serve every request.
 */
async function supervise(config: Config) {
  const db = await prepare(config);
  // Checked here, once, so an unreachable Redis stops the start with one line, not a worker per second.
  await (await linked(config))?.close();
  const jobs = startJobs(config, db);
  let stopping = false;
  const fork = () => cluster.fork();
  const served = new Set<number>();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!served.has(worker.id)) fail(`a worker stopped before it could serve (${signal ?? `exit code ${code}`})`);
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
    fork();
  });
  cluster.on("listening", (worker) => {
    served.add(worker.id);
    if (served.size !== config.WORKERS) return;
    const shown = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
    console.log(`Alongside is running on http://${shown}:${config.PORT} with ${config.WORKERS} workers`);
  });
  for (let i = 0; i < config.WORKERS; i += 1) fork();
  onStop(
    async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map((worker) => new Promise((resolve) => worker.once("exit", resolve).process.kill("SIGTERM"))),
      );
      await jobs.stop();
    },
    () => closeDatabase(db),
  );
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }

  if (config.WORKERS > 1 && cluster.isPrimary) return supervise(config);

  if (cluster.isWorker) {
    // The supervisor migrated and seeded the database: a worker only opens it.
    let db: Connection;
    try {
      db = openDatabase(config.DATABASE_PATH, { migrate: false });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    const served = await serve(config, db, await linked(config));
    onStop(served.stop, () => closeDatabase(db));
    // Without its supervisor, a worker finishes what it has open and stops.
    process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
    return;
  }

  const db = await prepare(config);
  const jobs = startJobs(config, db);
  const served = await serve(config, db, await linked(config));
  onStop(
    // Jobs stop alongside collaboration: their last outbox updates must land before the database closes.
    () => Promise.all([served.stop(), jobs.stop()]),
    () => closeDatabase(db),
  );
}

// Benchmarks only (npm run bench:collab sets BENCH_EVENT_LOOP=1): each SIGUSR2 prints the event-loop
// delay since the previous one, in ms beyond the 10 ms sampling interval, and starts a new window.
if (process.env.BENCH_EVENT_LOOP === "1") {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const lag = (ns: number) => Math.max(0, ns / 1e6 - 10);
  // Full (mark-compact) collections: their pauses are what hold up the loop at half load (docs/benchmarks.md).
  // The collection forced below for reading the heap is not counted.
  let majorGcs = 0;
  let forced = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      if (detail?.kind !== perf.NODE_PERFORMANCE_GC_MAJOR) continue;
      if (forced > 0) forced -= 1;
      else majorGcs += 1;
    }
  }).observe({ entryTypes: ["gc"] });
  process.on("SIGUSR2", () => {
    const [p50, p99, max] = [delay.percentile(50), delay.percentile(99), delay.max].map(lag);
    // With --expose-gc (the scale benchmark), the heap is read after a collection, so it shows what is kept.
    const { gc } = globalThis as { gc?: () => void };
    if (gc) {
      forced += 1;
      gc();
    }
    const { heapUsed } = process.memoryUsage();
    const report = { p50, p99, max, samples: delay.count, heapUsed, majorGcs };
    majorGcs = 0;
    console.log(`bench event-loop-lag ${JSON.stringify(report)}`);
    delay.reset();
  });
}

if (!fs.existsSync(path.resolve("remix.config.js"))) fail("start the server from the project folder");
await main();
