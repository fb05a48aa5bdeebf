import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { createEventBus } from "../events/bus";
import {
  addParagraph,
  collabTestbed,
  contains,
  startCollab,
  TEST_MS,
  until,
  WAIT_MS,
  within,
} from "../testing/collab-harness";
import { startRedis } from "../testing/redis";
import { removeCollaborator } from "../workshop/collaborators";
import { followAccessChanges } from "./follow-access";
import { linkProcesses } from "./process-link";
import { CLOSE_REASONS } from "./protocol";

const bed = collabTestbed();
let redis: Awaited<ReturnType<typeof startRedis>>;
/** Two servers on one database, as two worker processes are: each with its own link to Redis. */
let one: Awaited<ReturnType<typeof startCollab>>;
let two: Awaited<ReturnType<typeof startCollab>>;

beforeAll(async () => {
  redis = await startRedis();
  one = await startCollab(bed.db, { link: await linkProcesses(redis.url) });
  two = await startCollab(bed.db, { link: await linkProcesses(redis.url) });
}, TEST_MS);

afterAll(async () => {
  for (const server of [one, two]) {
    await server?.collab.shutdown();
    await server?.stop();
  }
  await redis?.stop();
});

describe("several processes on one database, joined through Redis", () => {
  it(
    "shows each person's typing to someone connected to the other process, and logs each change once",
    async () => {
      const { alice, bob } = bed.people;
      const moduleId = bed.newModule();
      const a = await bed.connectSynced(alice, moduleId, one);
      const b = await bed.connectSynced(bob, moduleId, two);
      addParagraph(a.document, "Alice, on the first process.");
      await until(() => contains(b.document, "Alice, on the first process."), "Bob to see Alice's line");
      addParagraph(b.document, "Bob, on the second process.");
      await until(() => contains(a.document, "Bob, on the second process."), "Alice to see Bob's line");
      // Appended by the process that took it, never again by the one that heard of it through Redis.
      await until(() => bed.rowsInserting(moduleId, "Bob, on the second process.").length > 0, "Bob's line stored");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bed.rowsInserting(moduleId, "Alice, on the first process.")).toHaveLength(1);
      expect(bed.rowsInserting(moduleId, "Bob, on the second process.")).toHaveLength(1);
    },
    TEST_MS,
  );

  it(
    "closes the editor of someone removed while they are on the other process",
    async () => {
      const { facilitator, alice, bob } = bed.people;
      const moduleId = bed.newModule();
      await bed.connectSynced(alice, moduleId, one);
      const b = await bed.connectSynced(bob, moduleId, two);
      const closed = bed.nextClose(b);
      // The removal is a request the first process handles, as a worker would.
      const events = createEventBus();
      const stop = followAccessChanges(events, one.collab.control);
      try {
        removeCollaborator(contextFor(bed.db, facilitator.actor, new Date(), events), moduleId, bob.user.id);
        expect(await within(closed, WAIT_MS, "Bob's socket on the second process to close")).toEqual({
          code: 4403,
          reason: CLOSE_REASONS.removed,
        });
      } finally {
        stop();
      }
    },
    TEST_MS,
  );

  it(
    "tells editors on the other process that comments changed, when this process does not have the module open",
    async () => {
      const { bob } = bed.people;
      const moduleId = bed.newModule();
      const b = bed.connect(bob, moduleId, two);
      const told: string[] = [];
      b.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
      await within(b.synced, WAIT_MS, "Bob to sync");
      expect(bed.serverDoc(moduleId, one)).toBeUndefined();
      one.collab.control.notify(moduleId, "comments");
      await until(() => told.includes(JSON.stringify({ changed: "comments" })), "Bob to hear of the comment");
      // Told once, not once by each path.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(told.filter((p) => p === JSON.stringify({ changed: "comments" }))).toHaveLength(1);
    },
    TEST_MS,
  );

  it("says plainly when Redis cannot be reached", async () => {
    await expect(linkProcesses("redis://127.0.0.1:1", { timeoutMs: 500 })).rejects.toThrow(
      /cannot reach Redis at 127\.0\.0\.1:1/,
    );
  });
});
