import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import type { DocJSON } from "../documents/json";
import { enrolSelf } from "../learning/service";
import { createModuleVersion } from "../publishing/service";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule, getModule } from "../workshop/service";
import {
  addCourseModule,
  coursePage,
  createCourse,
  latestCourseVersion,
  listCourses,
  moveCourseModule,
  publishCourse,
  updateCourseModule,
} from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const docWith = (words: string): DocJSON => ({
  type: "doc",
  content: [{ type: "heading", attrs: { level: 2 }, content: [text("One")] }, p(text(words))],
});

function setup() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const publish = (moduleId: string, changelog: string, words = changelog) => {
    const module = getModule(db, moduleId);
    if (!module) throw new Error("module missing");
    return createModuleVersion(db, { module, doc: docWith(words), changelog, publishedBy: fran.user.id });
  };
  const newModule = (title: string) => {
    const { id } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title,
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 15,
    });
    publish(id, "First version.");
    return id;
  };
  return { db, org, fran, sam, ctx: contextFor(db, sam.actor), publish, newModule };
}

describe("composing a course", () => {
  it("orders modules one place at a time, and a move past either end does nothing", () => {
    const { ctx, newModule } = setup();
    const [a, b, c] = [newModule("A"), newModule("B"), newModule("C")];
    const course = createCourse(ctx, { title: "Essentials", description: "", openToAll: false });
    for (const id of [a, b, c]) addCourseModule(ctx, course.id, id);
    const order = () => coursePage(ctx, course.id).items.map((i) => i.title);
    expect(order()).toEqual(["A", "B", "C"]);
    moveCourseModule(ctx, course.id, c, "up");
    expect(order()).toEqual(["A", "C", "B"]);
    moveCourseModule(ctx, course.id, a, "down");
    expect(order()).toEqual(["C", "A", "B"]);
    moveCourseModule(ctx, course.id, c, "up");
    moveCourseModule(ctx, course.id, b, "down");
    expect(order()).toEqual(["C", "A", "B"]);
    expect(coursePage(ctx, course.id).items.map((i) => i.position)).toEqual([0, 1, 2]);
    expect(() => addCourseModule(ctx, course.id, a)).toThrow("That module is already in the course.");
  });

  it("says when a newer module version exists, with what changed, and moves to it only when asked", () => {
    const { db, org, ctx, newModule, publish } = setup();
    const a = newModule("A");
    const course = createCourse(ctx, { title: "Essentials", description: "", openToAll: true });
    addCourseModule(ctx, course.id, a);
    publishCourse(ctx, course.id, "First version.");
    publish(a, "Clearer examples.");
    publish(a, "A new scenario.");

    const [item] = coursePage(ctx, course.id).items;
    expect(item?.version).toBe(1);
    expect(item?.newer.map((n) => [n.version, n.changelog])).toEqual([
      [2, "Clearer examples."],
      [3, "A new scenario."],
    ]);
    // The published course is untouched until the trainer chooses and publishes again.
    expect(latestCourseVersion(db, org.org.id, course.id)?.version).toBe(1);

    updateCourseModule(ctx, course.id, a);
    const [updated] = coursePage(ctx, course.id).items;
    expect(updated?.version).toBe(3);
    expect(updated?.newer).toEqual([]);
    expect(latestCourseVersion(db, org.org.id, course.id)?.items[0]?.moduleVersionId).not.toBe(updated?.versionId);
    publishCourse(ctx, course.id, "Uses the new scenario.");
    expect(latestCourseVersion(db, org.org.id, course.id)?.items[0]?.moduleVersionId).toBe(updated?.versionId);
  });

  it("refuses to publish a course with no modules", () => {
    const { ctx } = setup();
    const course = createCourse(ctx, { title: "Empty", description: "", openToAll: false });
    expect(() => publishCourse(ctx, course.id, "First version.")).toThrow(InvalidError);
    expect(coursePage(ctx, course.id).versions).toEqual([]);
  });
});

describe("the course lists", () => {
  it("show each course's latest version, its modules and how many are enrolled", () => {
    const { db, org, ctx, newModule } = setup();
    const [a, b] = [newModule("A"), newModule("B")];
    const draft = createCourse(ctx, { title: "Draft course", description: "", openToAll: true });
    const open = createCourse(ctx, { title: "Open course", description: "", openToAll: true });
    addCourseModule(ctx, open.id, a);
    addCourseModule(ctx, open.id, b);
    publishCourse(ctx, open.id, "First version.");
    const first = org.member(["learner"], "Alex Morgan");
    enrolSelf(contextFor(db, first.actor), open.id);
    publishCourse(ctx, open.id, "Second version.");
    for (const name of ["Jo Quinn", "Kit Park"])
      enrolSelf(contextFor(db, org.member(["learner"], name).actor), open.id);

    const listed = new Map(listCourses(ctx).map((c) => [c.title, c]));
    expect(listed.get("Open course")).toMatchObject({ status: "published", latestVersion: 2, modules: 2, enrolled: 3 });
    expect(listed.get("Draft course")).toMatchObject({ status: "draft", latestVersion: null, modules: 0, enrolled: 0 });
    expect(coursePage(ctx, open.id).versions.map((v) => [v.version, v.enrolled])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(coursePage(ctx, draft.id).versions).toEqual([]);
  });
});
