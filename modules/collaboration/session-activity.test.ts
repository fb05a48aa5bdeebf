import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { addParagraph, collabTestbed, contains, TEST_MS, until, WAIT_MS, within } from "../testing/collab-harness";
import { CLOSE_REASONS } from "./protocol";

/**
 * An open editor is the person at work even when no page loads: it keeps their session from going
 * idle, and a session that ended (signed out from another device, or past its lifetime) ends the editor.
 */
describe("sessions and the live editor", () => {
  const bed = collabTestbed();
  const { newModule, connectSynced, nextClose, rowsInserting } = bed;
  const sessionOf = (userId: string) => bed.db.select().from(sessions).where(eq(sessions.userId, userId)).get();

  it(
    "typing in the editor counts as using the session, so it does not go idle",
    async () => {
      const { alice } = bed.people;
      const moduleId = newModule();
      const a = await connectSynced(alice, moduleId);
      const quiet = new Date(Date.now() - 25 * 60 * 1000);
      bed.db.update(sessions).set({ lastSeenAt: quiet }).where(eq(sessions.userId, alice.user.id)).run();

      addParagraph(a.document, "Alice: still writing.");
      await until(() => (sessionOf(alice.user.id)?.lastSeenAt ?? quiet) > quiet, "Alice's session to be used");
      expect(Date.now() - (sessionOf(alice.user.id)?.lastSeenAt.getTime() ?? 0)).toBeLessThan(WAIT_MS);
    },
    TEST_MS,
  );

  it(
    "a session signed out elsewhere closes its open editor at its next change, which is not kept",
    async () => {
      const { bob } = bed.people;
      const moduleId = newModule();
      const b = await connectSynced(bob, moduleId);
      addParagraph(b.document, "Bob: before signing out.");
      await until(() => rowsInserting(moduleId, "Bob: before signing out.").length > 0, "Bob's line to be kept");

      bed.db.delete(sessions).where(eq(sessions.userId, bob.user.id)).run();
      const closed = nextClose(b);
      addParagraph(b.document, "Bob: after signing out.");
      expect(await within(closed, WAIT_MS, "Bob's editor to close")).toEqual({
        code: 4401,
        reason: CLOSE_REASONS.signedOut,
      });
      expect(rowsInserting(moduleId, "Bob: after signing out.")).toEqual([]);
      expect(contains(b.document, "Bob: after signing out.")).toBe(true);
    },
    TEST_MS,
  );
});
