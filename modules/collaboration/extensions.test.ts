/**
 * The collaboration server is a list of Hocuspocus extensions, and where two of them share a hook
 * their order is behaviour. This reads the list as Hocuspocus holds it after sorting by priority,
 * so a reordered list or a priority that moves one extension fails here.
 */

import type { HookName } from "@hocuspocus/server";
import { afterAll, describe, expect, it } from "vitest";
import { lockedNodeIds } from "../locks/live-locks";
import { actorFor } from "../organisations/service";
import { testDatabase } from "../testing/database";
import { moduleLiveAccess } from "../workshop/live-access";
import { recordAttendance } from "../workshop-sessions/attendance";
import { onBreak } from "../workshop-sessions/live-break";
import { createCollaboration } from "./server";

describe("the collaboration server's extensions", () => {
  const database = testDatabase();
  afterAll(() => database.close());
  const { hocuspocus } = createCollaboration({
    db: database.db,
    secret: "collaboration-test-secret-0123456789abcdef",
    access: moduleLiveAccess(actorFor),
    locks: lockedNodeIds,
    breaks: onBreak,
    attended: recordAttendance,
  });
  const ours = hocuspocus.configuration.extensions.filter((extension) => extension.extensionName);
  const running = (hook: HookName) =>
    ours.filter((extension) => typeof extension[hook] === "function").map((extension) => extension.extensionName);

  it("holds each concern once, in the intended order", () => {
    expect(ours.map((extension) => extension.extensionName)).toEqual([
      "SessionAccess",
      "UpdateGuards",
      "SizeLimits",
      "DurableLog",
      "ServerIdentity",
      "DerivedFacts",
    ]);
  });

  it("judges a message by its session first, then by the guards before the size limit", () => {
    expect(running("beforeHandleMessage")).toEqual(["SessionAccess", "UpdateGuards", "SizeLimits"]);
  });

  it("compacts the log before refreshing the facts on a store", () => {
    expect(running("onStoreDocument")).toEqual(["DurableLog", "DerivedFacts"]);
  });

  it("leaves access, loading and awareness each to one extension", () => {
    expect(running("onConnect")).toEqual(["SessionAccess"]);
    expect(running("connected")).toEqual(["SessionAccess"]);
    expect(running("onLoadDocument")).toEqual(["DurableLog"]);
    expect(running("afterLoadDocument")).toEqual(["DurableLog"]);
    expect(running("afterUnloadDocument")).toEqual(["DurableLog"]);
    expect(running("beforeHandleAwareness")).toEqual(["ServerIdentity"]);
  });
});
