import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { xapiCursors, xapiOutbox } from "../../db/schema";
import { contextFor } from "../auth/context";
import { loadConfig } from "../config/load";
import { testDatabase } from "../testing/database";
import { freePort, startFakeLrs } from "../testing/fake-lrs";
import { cohortWithProgress } from "../testing/xapi-cohort";
import { validatorProblems } from "../testing/xapi-validator";
import { enqueueNewStatements, FIRST_RETRY_MS, MAX_RETRY_MS, markFailed } from "./outbox";
import { deliverDue, startSender } from "./sender";
import { lrsSettings } from "./settings";
import { cohortStatements } from "./statements";
import type { Statement } from "./types";

let database: ReturnType<typeof testDatabase>;
let lrs: Awaited<ReturnType<typeof startFakeLrs>> | null = null;
beforeEach(() => {
  database = testDatabase();
});
afterEach(async () => {
  await lrs?.close();
  lrs = null;
  database.close();
});

const KEYS = { origin: "https://alongside.example.org", secret: "a-session-secret-that-is-long-enough-0123" };
const CREDENTIALS = { username: "alongside", password: "s3cret:with-colon" };
const T0 = new Date("2026-11-26T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

const outbox = () => database.db.select().from(xapiOutbox).orderBy(asc(xapiOutbox.id)).all();
const queuedIds = () => outbox().map((r) => r.id);

/** Queues everything there is, a few events at a time, as the sender does on each tick. */
function queueAll(endpoint: string) {
  let total = 0;
  for (;;) {
    const queued = enqueueNewStatements(database.db, { ...KEYS, endpoint, limit: 3 }, T0);
    const cursor = database.db.select().from(xapiCursors).get();
    total += queued;
    const last = database.db.$client.prepare("select max(id) as id from progress_events").get() as { id: number };
    if (cursor?.lastEventId === last.id) return total;
  }
}

describe("queueing statements for the LRS", () => {
  it("queues each event's statements once, the same ones a download gives, and moves its cursor", () => {
    const fixture = cohortWithProgress(database.db);
    const endpoint = "https://lrs.example.org/xapi";
    const total = queueAll(endpoint);
    const spring = cohortStatements(
      contextFor(database.db, fixture.sam.actor),
      fixture.cohort.id,
      fixture.assignment.id,
      KEYS,
    );
    const autumn = cohortStatements(
      contextFor(database.db, fixture.sam.actor),
      fixture.otherCohort.id,
      fixture.otherAssignment.id,
      KEYS,
    );
    // Everyone's learning goes to the LRS: the two cohorts' and Gus's (who left his cohort after starting).
    const downloaded = [...spring.statements, ...autumn.statements];
    const rows = outbox();
    expect(rows.length).toBe(total);
    expect(total).toBe(downloaded.length + 1);
    for (const statement of downloaded) {
      expect(rows.find((r) => r.id === statement.id)?.statement).toEqual(JSON.parse(JSON.stringify(statement)));
    }
    expect(rows.every((r) => r.attempts === 0 && r.lastError === null && r.orgId === fixture.org.org.id)).toBe(true);

    expect(enqueueNewStatements(database.db, { ...KEYS, endpoint }, T0)).toBe(0);
    fixture.answer(fixture.learners.cal, 1, "kc-plain", "kc-plain-right");
    expect(enqueueNewStatements(database.db, { ...KEYS, endpoint }, T0)).toBe(1);
    expect(outbox().length).toBe(total + 1);
    // Another LRS starts from the beginning; ids already waiting are not queued twice.
    expect(enqueueNewStatements(database.db, { ...KEYS, endpoint: "https://other-lrs.example.org" }, T0)).toBe(
      total + 1,
    );
    expect(outbox().length).toBe(total + 1);
  });

  it("queues only statements Learning Locker's validator accepts, knowledge checks described with their options", () => {
    cohortWithProgress(database.db);
    queueAll("https://lrs.example.org/xapi");
    const statements = outbox().map((r) => r.statement as Statement);
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.flatMap((s) => validatorProblems(s).map((problem) => `${s.id} ${problem}`))).toEqual([]);
    const answers = statements.filter((s) => s.verb.id.endsWith("/answered"));
    expect(answers.length).toBeGreaterThan(0);
    for (const s of answers) {
      expect(s.object.definition.choices?.map((c) => c.id)).toEqual(["kc-plain-wrong", "kc-plain-right"]);
      expect(s.object.definition.correctResponsesPattern).toEqual(["kc-plain-right"]);
    }
  });

  it("happens only with an LRS fully configured, and a half configuration is refused", () => {
    const APP_ORIGIN = "https://alongside.example.org";
    const full = { LRS_ENDPOINT: "https://lrs.example.org/xapi", LRS_USERNAME: "a", LRS_PASSWORD: "b" };
    expect(lrsSettings({ APP_ORIGIN })).toBeNull();
    expect(lrsSettings({ ...full, APP_ORIGIN })).toEqual({
      lrs: { endpoint: "https://lrs.example.org/xapi", username: "a", password: "b" },
      origin: "https://alongside.example.org",
    });
    expect(() => lrsSettings({ LRS_ENDPOINT: full.LRS_ENDPOINT, APP_ORIGIN })).toThrow(/LRS_USERNAME/);
    expect(() => lrsSettings({ LRS_USERNAME: "a", LRS_PASSWORD: "b", APP_ORIGIN })).toThrow(/LRS_ENDPOINT/);
    expect(() => lrsSettings(full)).toThrow(/APP_ORIGIN/);
  });

  it("takes APP_ORIGIN from the validated configuration, as an origin", () => {
    expect(
      loadConfig({ APP_ORIGIN: "https://alongside.example.org/some/path", SESSION_SECRET: "s".repeat(40) }).APP_ORIGIN,
    ).toBe("https://alongside.example.org");
    expect(() => loadConfig({ APP_ORIGIN: "alongside.example.org", SESSION_SECRET: "s".repeat(40) })).toThrow(
      /APP_ORIGIN must be the app's public address/,
    );
  });
});

describe("sending to the LRS", () => {
  it("POSTs batches to <endpoint>/statements with the xAPI version, JSON and Basic auth, then empties the outbox", async () => {
    cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    queueAll(lrs.endpoint);
    const queued = outbox();
    const result = await deliverDue(
      database.db,
      { endpoint: lrs.endpoint, ...CREDENTIALS },
      { now: () => T0, batchSize: 4 },
    );
    expect(result).toEqual({ sent: queued.length, failed: 0, error: null });
    expect(lrs.requests.length).toBe(Math.ceil(queued.length / 4));
    const basic = `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString("base64")}`;
    for (const request of lrs.requests) {
      expect(request.url).toBe("/xapi/statements");
      expect(request.headers["x-experience-api-version"]).toBe("1.0.3");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers.authorization).toBe(basic);
      expect(request.statements.length).toBeLessThanOrEqual(4);
    }
    expect(lrs.requests.flatMap((r) => r.statements)).toEqual(expect.arrayContaining(queued.map((r) => r.statement)));
    expect(lrs.accepted.toSorted()).toEqual(queued.map((r) => r.id).toSorted());
    expect(outbox()).toEqual([]);
  });

  it("loses nothing while the LRS answers 503: rows stay, attempts grow, retries back off; then each arrives once", async () => {
    cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    const settings = { endpoint: lrs.endpoint, ...CREDENTIALS };
    queueAll(lrs.endpoint);
    const queued = queuedIds();
    lrs.fail(503);

    let failed = await deliverDue(database.db, settings, { now: () => T0 });
    expect(failed.sent).toBe(0);
    expect(failed.error).toMatch(/503/);
    expect(outbox().map((r) => [r.id, r.attempts, r.nextAttemptAt.getTime()])).toEqual(
      queued.map((id) => [id, 1, at(FIRST_RETRY_MS).getTime()]),
    );
    expect(outbox().every((r) => r.lastError?.includes("503 Service Unavailable"))).toBe(true);

    // Not due yet: no request at all.
    const asked = lrs.requests.length;
    await deliverDue(database.db, settings, { now: () => at(FIRST_RETRY_MS - 1) });
    expect(lrs.requests.length).toBe(asked);

    failed = await deliverDue(database.db, settings, { now: () => at(FIRST_RETRY_MS) });
    expect(failed.failed).toBe(queued.length);
    expect(
      outbox().every((r) => r.attempts === 2 && r.nextAttemptAt.getTime() === at(3 * FIRST_RETRY_MS).getTime()),
    ).toBe(true);
    expect(queuedIds()).toEqual(queued);

    lrs.recover();
    const sent = await deliverDue(database.db, settings, { now: () => at(3 * FIRST_RETRY_MS) });
    expect(sent.sent).toBe(queued.length);
    expect(lrs.accepted.toSorted()).toEqual(queued.toSorted());
    expect(outbox()).toEqual([]);
  });

  it("loses nothing while the LRS is not listening at all, and delivers once it is", async () => {
    cohortWithProgress(database.db);
    const port = await freePort();
    const settings = { endpoint: `http://127.0.0.1:${port}/xapi`, ...CREDENTIALS };
    queueAll(settings.endpoint);
    const queued = queuedIds();

    const down = await deliverDue(database.db, settings, { now: () => T0 });
    expect(down.error).toMatch(/Could not reach the LRS \(ECONNREFUSED\)/);
    expect(outbox().map((r) => r.attempts)).toEqual(queued.map(() => 1));

    lrs = await startFakeLrs(port);
    await deliverDue(database.db, settings, { now: () => at(FIRST_RETRY_MS) });
    expect(lrs.accepted.toSorted()).toEqual(queued.toSorted());
    expect(outbox()).toEqual([]);
  });

  it("keeps a statement the LRS refuses (409) with its error, without holding back the rest of its batch", async () => {
    cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    queueAll(lrs.endpoint);
    const queued = queuedIds();
    const refused = queued[3] as string;
    lrs.refuse(refused);

    const result = await deliverDue(database.db, { endpoint: lrs.endpoint, ...CREDENTIALS }, { now: () => T0 });
    expect(result.sent).toBe(queued.length - 1);
    expect(lrs.accepted.toSorted()).toEqual(queued.filter((id) => id !== refused).toSorted());
    const [left, ...more] = outbox();
    expect(more).toEqual([]);
    expect(left?.id).toBe(refused);
    expect(left?.attempts).toBe(1);
    expect(left?.lastError).toMatch(/409 Conflict/);
  });

  it("keeps every row on an authorisation failure (401), backing off", async () => {
    cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    queueAll(lrs.endpoint);
    const queued = queuedIds();
    lrs.fail(401);
    await deliverDue(database.db, { endpoint: lrs.endpoint, ...CREDENTIALS }, { now: () => T0 });
    // A 401 concerns the whole batch: one request, not one per statement.
    expect(lrs.requests.length).toBe(1);
    expect(queuedIds()).toEqual(queued);
    expect(outbox().every((r) => r.attempts === 1 && r.lastError?.startsWith("The LRS answered 401"))).toBe(true);
  });

  it("does not take a redirect for delivery (following it would turn the POST into a GET)", async () => {
    cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    queueAll(lrs.endpoint);
    const queued = queuedIds();
    lrs.fail(302);
    const result = await deliverDue(database.db, { endpoint: lrs.endpoint, ...CREDENTIALS }, { now: () => T0 });
    expect(result.sent).toBe(0);
    expect(lrs.requests.map((r) => r.url)).toEqual(["/xapi/statements"]);
    expect(queuedIds()).toEqual(queued);
    expect(outbox().every((r) => r.attempts === 1 && r.lastError?.startsWith("The LRS answered 302"))).toBe(true);
  });

  it("waits at most 10 minutes between attempts however often they fail", () => {
    cohortWithProgress(database.db);
    queueAll("https://lrs.example.org/xapi");
    const ids = queuedIds();
    for (let i = 0; i < 30; i += 1) markFailed(database.db, ids, "The LRS answered 503", T0);
    expect(outbox().every((r) => r.attempts === 30 && r.nextAttemptAt.getTime() === at(MAX_RETRY_MS).getTime())).toBe(
      true,
    );
  });
});

describe("the background sender", () => {
  it("queues and delivers new progress on its own, and sends nothing after it stops", async () => {
    const fixture = cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    const server = lrs;
    const sender = startSender(
      database.db,
      { lrs: { endpoint: server.endpoint, ...CREDENTIALS }, origin: KEYS.origin, secret: KEYS.secret },
      { intervalMs: 20, log: () => {} },
    );
    const settled = async () => {
      for (let i = 0; i < 200 && (outbox().length > 0 || server.accepted.length === 0); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      await settled();
      const first = server.accepted.length;
      expect(first).toBeGreaterThan(0);
      fixture.answer(fixture.learners.cal, 1, "kc-plain", "kc-plain-right");
      for (let i = 0; i < 200 && server.accepted.length === first; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(server.accepted.length).toBe(first + 1);
      expect(new Set(server.accepted).size).toBe(server.accepted.length);
    } finally {
      await sender.stop();
    }
    const requests = server.requests.length;
    fixture.answer(fixture.learners.cal, 1, "kc-plain", "kc-plain-wrong");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests.length).toBe(requests);
    expect(outbox()).toEqual([]);
  });

  it("on stop, aborts a request the LRS never answers after its grace period, leaving the rows untouched", async () => {
    cohortWithProgress(database.db);
    lrs = await startFakeLrs();
    const server = lrs;
    server.hang();
    const sender = startSender(
      database.db,
      { lrs: { endpoint: server.endpoint, ...CREDENTIALS }, origin: KEYS.origin, secret: KEYS.secret },
      { intervalMs: 20, graceMs: 50, log: () => {} },
    );
    for (let i = 0; i < 200 && server.requests.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.requests.length).toBe(1);
    const started = Date.now();
    await sender.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    const rows = outbox();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.attempts === 0 && r.lastError === null)).toBe(true);
  });
});
