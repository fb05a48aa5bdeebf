/**
 * Who was at a workshop session: whoever had the module's editor open while it ran, watching
 * included, is named in its summary, as the collaboration server tells the sessions of each person
 * who connects.
 */
import { describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { collabTestbed, TEST_MS, until } from "../testing/collab-harness";
import { endSession, sessionSummary, startSession } from "../workshop-sessions/service";

const AGENDA = [{ kind: "part" as const, title: "Welcome", start: "10:00", minutes: 30 }];

describe("who was at a session", () => {
  const bed = collabTestbed();

  it(
    "names someone who had the editor open before it started, and a reviewer who only watched",
    async () => {
      const { people, db, main } = bed;
      const moduleId = bed.newModule();
      const fran = contextFor(db, people.facilitator.actor);
      await bed.connectSynced(people.alice, moduleId);
      await until(() => main.collab.control.present(moduleId).includes(people.alice.user.id), "Alice to be present");
      startSession(fran, main.collab.control, moduleId, { agenda: AGENDA });
      await bed.connectSynced(people.reviewer, moduleId);
      const { id } = endSession(fran, main.collab.control, moduleId);

      expect(sessionSummary(fran, moduleId, id).people).toEqual([
        people.alice.user.name,
        people.facilitator.user.name,
        people.reviewer.user.name,
      ]);
      expect(sessionSummary(fran, moduleId, id).people).not.toContain(people.bob.user.name);
    },
    TEST_MS,
  );
});
