import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activityLog } from "../audit/activity-log";
import { contextFor } from "../auth/context";
import { addCourseModule, createCourse, publishCourse, setCourseArchived } from "../courses/service";
import type { DocJSON } from "../documents/json";
import { deleteSupportResource, listSupportResources } from "../organisations/support";
import { unpublishModule } from "../publishing/service";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { doc, option, p, part, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { packageFileName } from "./file-name";
import { exportChoices, exportCmi5, exportMarkdown, exportScorm } from "./index";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
const MODULE: DocJSON = doc(
  heading("Welcome"),
  p(text("Peer support is a relationship between equals.")),
  { type: "reflectionPrompt", attrs: { id: "r-1" }, content: [text("What brought you here?")] },
  heading("A check"),
  {
    type: "knowledgeCheck",
    attrs: { id: "kc-1", multiple: false },
    content: [
      part("checkQuestion", text("What keeps both people safe?")),
      option("kc-1-wrong", false, "Always answering at once", [text("Not this one.")]),
      option("kc-1-right", true, "Agreeing your hours", [text("Yes.")]),
    ],
  },
  heading("A harder topic"),
  { type: "contentNote", attrs: { topics: ["suicide"], customTopic: "" }, content: [text("About suicide.")] },
  p(text("Some people you support may talk about ending their life.")),
  { type: "supportSignpost", content: [text("If this brings something up:")] },
);

function setup(title = "Peer support essentials") {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const ctx = contextFor(db, sam.actor);
  const module = publishedModule(db, { orgId: org.org.id, by: fran.user.id, title: "Holding boundaries", doc: MODULE });
  const course = createCourse(ctx, { title, description: "The basics.", openToAll: false });
  addCourseModule(ctx, course.id, module.moduleId);
  return { db, org, fran, sam, ctx, module, courseId: course.id };
}

const FROM = { ip: "203.0.113.9" };

function files(bytes: Uint8Array) {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, b]) => [path, strFromU8(b)]));
}

describe("a SCORM 1.2 export", () => {
  it("holds the manifest, a SCO per module, the course page and the shared files, and is recorded", () => {
    const { ctx, courseId, db, org } = setup();
    publishCourse(ctx, courseId, "First version.");
    const { fileName, bytes } = exportScorm(ctx, courseId, {}, FROM);
    expect(fileName).toBe("peer-support-essentials-v1-scorm12.zip");
    const inside = files(bytes);
    expect(Object.keys(inside).sort()).toEqual([
      "imsmanifest.xml",
      "index.html",
      "m1/index.html",
      "shared/package.css",
      "shared/player.js",
      "shared/scorm12.js",
    ]);
    expect(inside["imsmanifest.xml"]).toContain('adlcp:scormtype="sco" href="m1/index.html"');
    const page = inside["m1/index.html"] ?? "";
    for (const title of ["Welcome", "A check", "A harder topic"]) expect(page).toContain(title);
    expect(page).toContain("Before you start: a content note");
    expect(page).toContain("Skip for now");
    expect(page).toContain("Quick exit");
    expect(page).toContain("never sent to your learning system");
    // The organisation's own support, baked in at export time.
    expect(page).toContain("Samaritans");
    expect(page).not.toContain("had not listed its own support");
    const log = activityLog(contextFor(db, org.admin.actor));
    expect(log[0]?.description).toBe(
      "Downloaded the course “Peer support essentials” as a SCORM package for a learning system",
    );
  });

  it("gives reflections no way out: no form, no name, and the runtime never touches interactions", () => {
    const { ctx, courseId } = setup();
    publishCourse(ctx, courseId, "First version.");
    const inside = files(exportScorm(ctx, courseId, {}, FROM).bytes);
    const page = inside["m1/index.html"] ?? "";
    expect(page).not.toMatch(/<form/);
    expect(page).toMatch(/<textarea id="reflect-r-1" rows="5"[^>]*>/);
    expect(page).not.toMatch(/<textarea[^>]*\sname=/);
    expect(inside["shared/scorm12.js"]).not.toContain("cmi.interactions");
    expect(inside["shared/player.js"]).not.toMatch(/textarea[^;]*tracker|tracker\.save\([^)]*value/);
  });

  it("keeps a self-care plan on the device: four labelled boxes, no form, no name, and says so", () => {
    const { db, org, fran, ctx, courseId } = setup();
    const plan = publishedModule(db, {
      orgId: org.org.id,
      by: fran.user.id,
      title: "Looking after yourself",
      doc: doc(heading("Your plan"), { type: "selfCarePlan", content: [text("Write what keeps you well.")] }),
    });
    addCourseModule(ctx, courseId, plan.moduleId);
    publishCourse(ctx, courseId, "First version.");
    for (const bytes of [exportScorm(ctx, courseId, {}, FROM).bytes, exportCmi5(ctx, courseId, CMI5_FROM).bytes]) {
      const page = files(bytes)["m2/index.html"] ?? "";
      expect(page).toContain("Write what keeps you well.");
      for (const label of [
        "The signs that I am struggling",
        "What helps me",
        "Who I can contact",
        "The boundaries I keep",
      ]) {
        expect(page).toContain(`>${label}</label>`);
      }
      expect(page.match(/<textarea id="plan-/g)).toHaveLength(4);
      expect(page).not.toMatch(/<form/);
      expect(page).not.toMatch(/<textarea[^>]*\sname=/);
      expect(page).toContain("Private: your plan stays on this device.");
    }
  });

  it("keeps the words of a link to a page of Alongside, which the learning system cannot open, and other links as they are", () => {
    const { db, org, fran, ctx } = setup();
    const linked = (words: string, href: string) => ({
      type: "text",
      text: words,
      marks: [{ type: "link", attrs: { href } }],
    });
    const module = publishedModule(db, {
      orgId: org.org.id,
      by: fran.user.id,
      title: "Getting support",
      doc: doc(
        heading("Supervision"),
        p(
          text("Open "),
          linked("For my supervision", "/learn/supervision"),
          text(", or call "),
          linked("116 123", "tel:116123"),
        ),
      ),
    });
    const course = createCourse(ctx, { title: "Support", description: "Where to turn.", openToAll: false });
    addCourseModule(ctx, course.id, module.moduleId);
    publishCourse(ctx, course.id, "First version.");
    const page = files(exportScorm(ctx, course.id, {}, FROM).bytes)["m1/index.html"] ?? "";
    expect(page).toContain("Open For my supervision, or call");
    expect(page).not.toContain('href="/learn/supervision"');
    expect(page).toMatch(/<a [^>]*href="tel:116123"[^>]*>116 123<\/a>/);
  });

  it("reports a score only when the export asks for one", () => {
    const { ctx, courseId } = setup();
    publishCourse(ctx, courseId, "First version.");
    expect(files(exportScorm(ctx, courseId, {}, FROM).bytes)["m1/index.html"]).not.toContain("data-score");
    expect(files(exportScorm(ctx, courseId, { score: "on" }, FROM).bytes)["m1/index.html"]).toContain("data-score");
  });

  it("refuses a forged option with a clear message", () => {
    const { ctx, courseId } = setup();
    publishCourse(ctx, courseId, "First version.");
    expect(() => exportScorm(ctx, courseId, { score: "yes please" }, FROM)).toThrow(
      new InvalidError("Choose whether to report a score."),
    );
  });

  it("is the same bytes each time for the same version", () => {
    const { ctx, courseId } = setup();
    publishCourse(ctx, courseId, "First version.");
    const first = exportScorm(ctx, courseId, {}, FROM).bytes;
    const second = exportScorm(ctx, courseId, {}, FROM).bytes;
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

const CMI5_FROM = { ...FROM, origin: "https://alongside.test" };

describe("a cmi5 export", () => {
  it("holds cmi5.xml, an AU per module, the course page, the shared files and the library, and is recorded", () => {
    const { ctx, courseId, db, org, module } = setup();
    publishCourse(ctx, courseId, "First version.");
    const { fileName, bytes } = exportCmi5(ctx, courseId, CMI5_FROM);
    expect(fileName).toBe("peer-support-essentials-v1-cmi5.zip");
    const inside = files(bytes);
    expect(Object.keys(inside).sort()).toEqual([
      "cmi5.xml",
      "index.html",
      "m1/index.html",
      "shared/cmi5-library-licence.txt",
      "shared/cmi5-library.js",
      "shared/cmi5.js",
      "shared/package.css",
      "shared/player.js",
    ]);
    const xml = inside["cmi5.xml"] ?? "";
    expect(xml).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
    expect(xml).toContain(`<course id="https://alongside.test/xapi/activities/course/${courseId}">`);
    expect(xml).toContain(
      `<au id="https://alongside.test/xapi/activities/module/${module.moduleId}" moveOn="Completed" launchMethod="AnyWindow">`,
    );
    expect(xml).toContain("<url>m1/index.html</url>");
    expect(xml).not.toContain("masteryScore");
    const page = inside["m1/index.html"] ?? "";
    expect(page).toContain('<script src="../shared/cmi5-library.js"></script>');
    expect(page).toContain('<script src="../shared/cmi5.js"></script>');
    expect(page).not.toContain("scorm12.js");
    expect(page).toContain("Skip for now");
    expect(inside["shared/cmi5-library.js"]).toContain("LMS.LaunchData");
    expect(inside["shared/cmi5-library-licence.txt"]).toContain("MIT");
    const log = activityLog(contextFor(db, org.admin.actor));
    expect(log[0]?.description).toBe(
      "Downloaded the course “Peer support essentials” as a cmi5 package for a learning system",
    );
    expect(exportChoices(ctx, courseId).files?.cmi5).toBe("peer-support-essentials-v1-cmi5.zip");
  });

  it("has an AU per module, and a runtime that never sends an interaction or reads a reflection", () => {
    const { ctx, courseId, db, org, fran } = setup();
    const second = publishedModule(db, { orgId: org.org.id, by: fran.user.id, title: "Endings", doc: MODULE });
    addCourseModule(ctx, courseId, second.moduleId);
    publishCourse(ctx, courseId, "First version.");
    const inside = files(exportCmi5(ctx, courseId, CMI5_FROM).bytes);
    expect(inside["m2/index.html"]).toContain("Endings");
    expect((inside["cmi5.xml"] ?? "").match(/<au /g)).toHaveLength(2);
    expect(inside["shared/cmi5.js"]).not.toMatch(/interaction/i);
    expect(inside["shared/cmi5.js"]).not.toContain("textarea");
  });

  it("is refused as SCORM is, and is the same bytes each time", () => {
    const { ctx, courseId } = setup();
    expect(() => exportCmi5(ctx, courseId, CMI5_FROM)).toThrow(
      new InvalidError(
        "This course has not been published yet. Publish it first: only a published version is exported.",
      ),
    );
    publishCourse(ctx, courseId, "First version.");
    setCourseArchived(ctx, courseId, true);
    expect(() => exportCmi5(ctx, courseId, CMI5_FROM)).toThrow("This course is archived");
    setCourseArchived(ctx, courseId, false);
    const first = exportCmi5(ctx, courseId, CMI5_FROM).bytes;
    expect(Buffer.from(first).equals(Buffer.from(exportCmi5(ctx, courseId, CMI5_FROM).bytes))).toBe(true);
  });
});

describe("what cannot be exported, each said plainly", () => {
  it("refuses a course never published", () => {
    const { ctx, courseId } = setup();
    const refusal = "This course has not been published yet. Publish it first: only a published version is exported.";
    expect(() => exportScorm(ctx, courseId, {}, FROM)).toThrow(new InvalidError(refusal));
    expect(() => exportMarkdown(ctx, courseId, FROM)).toThrow(refusal);
    expect(exportChoices(ctx, courseId)).toEqual({ refusal, files: null });
  });

  it("refuses an archived course", () => {
    const { ctx, courseId } = setup();
    publishCourse(ctx, courseId, "First version.");
    setCourseArchived(ctx, courseId, true);
    expect(() => exportScorm(ctx, courseId, {}, FROM)).toThrow(
      "This course is archived, so it cannot be exported. Bring it back from the archive first.",
    );
  });

  it("refuses a course holding a module withdrawn from learners, naming it", () => {
    const { db, ctx, courseId, fran, module } = setup();
    publishCourse(ctx, courseId, "First version.");
    unpublishModule(contextFor(db, fran.actor), module.moduleId);
    expect(() => exportScorm(ctx, courseId, {}, FROM)).toThrow(
      "“Holding boundaries” was withdrawn from learners since this version was published, so it cannot be exported.",
    );
  });

  it("falls back to the national support when the organisation lists none, and says so", () => {
    const { db, ctx, courseId, org } = setup();
    publishCourse(ctx, courseId, "First version.");
    const admin = contextFor(db, org.admin.actor);
    for (const r of listSupportResources(db, org.org.id)) deleteSupportResource(admin, r.id);
    expect(exportChoices(ctx, courseId).files?.nationalSupport).toBe(true);
    const page = files(exportScorm(ctx, courseId, {}, FROM).bytes)["m1/index.html"] ?? "";
    expect(page).toContain("had not listed its own support when this package was made");
    expect(page).toContain("Samaritans");
    expect(page).toContain("116 123");
  });

  it("names the file safely whatever the course is called", () => {
    expect(packageFileName('Café "Crisis" / ../../etc', 2, "scorm12.zip")).toBe("cafe-crisis-etc-v2-scorm12.zip");
    expect(packageFileName("💬 ✨", 1, "scorm12.zip")).toBe("course-v1-scorm12.zip");
    expect(packageFileName("Підтримка", 3, "content.zip")).toBe("course-v3-content.zip");
    const { ctx, courseId } = setup("💬 ✨");
    publishCourse(ctx, courseId, "First version.");
    expect(exportChoices(ctx, courseId).files).toMatchObject({ scorm: "course-v1-scorm12.zip", renamed: true });
    expect(exportScorm(ctx, courseId, {}, FROM).fileName).toBe("course-v1-scorm12.zip");
  });
});

describe("a Markdown export", () => {
  it("holds each module of the version as a content file", () => {
    const { ctx, courseId } = setup();
    publishCourse(ctx, courseId, "First version.");
    const { fileName, bytes } = exportMarkdown(ctx, courseId, FROM);
    expect(fileName).toBe("peer-support-essentials-v1-content.zip");
    const inside = files(bytes);
    expect(Object.keys(inside)).toEqual(["01-holding-boundaries.md"]);
    const file = inside["01-holding-boundaries.md"] ?? "";
    expect(file).toMatch(/^---\ntitle: Holding boundaries\n/);
    expect(file).toContain("## A check");
    expect(file).toContain(":::knowledge-check");
  });
});
