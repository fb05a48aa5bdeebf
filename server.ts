/**
 * The composition root: validates configuration, opens and migrates the database, seeds the demo when
 * asked, and serves Remix, /healthz and the collaboration WebSocket (/collab) from one HTTP server.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { type Connection, closeDatabase, openDatabase } from "./db/client";
import { followAccessChanges } from "./modules/collaboration/follow-access";
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
import { remixHandler } from "./modules/http/remix-handler";
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
  app.use(securityHeaders, sameOriginWrites, refuseLegacyDataRequests, privateWhenSignedIn);
  app.all(
    "*",
    remixHandler({
      build,
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

  const events = createEventBus();
  const collaboration = createCollaboration({
    db,
    secret: config.SESSION_SECRET,
    access: moduleLiveAccess(actorFor),
    locks: lockedNodeIds,
    breaks: onBreak,
    attended: recordAttendance,
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
    retention.stop();
    reminders.stop();
    reviewReminders.stop();
    digests.stop();
    storyReviews.stop();
    // The senders stop alongside collaboration: their last outbox updates must land before the database closes.
    Promise.all([collaboration.shutdown(), xapiSender?.stop(), emailSender.stop()]).then(finish, (error) => {
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
