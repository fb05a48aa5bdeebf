import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { IMAGE_WITHOUT_ALT, validateDoc } from "../documents/json";
import { renderDocumentHTML } from "../documents/render";
import { splitSections } from "../documents/sections";
import { sectionParts } from "../learning/player";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import { imageCopy, uploadImage } from "./index";
import { photo } from "./test-images";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function world() {
  const { db } = database;
  const org = makeOrganisation(db, "Northern Peer Support");
  const other = makeOrganisation(db, "Another Service");
  const fran = org.member(["facilitator"], "Fran Facilitator");
  const lena = org.member(["learner"], "Lena Learner");
  const oscar = other.member(["facilitator"], "Oscar Outsider");
  const module = (orgId: string, createdBy: string) =>
    createModule(db, {
      orgId,
      createdBy,
      title: "Holding boundaries",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
      doc: doc(p(text("Hello."))),
    }).id;
  return {
    fran: contextFor(db, fran.actor),
    lena: contextFor(db, lena.actor),
    oscar: contextFor(db, oscar.actor),
    moduleId: module(org.org.id, fran.user.id),
    otherModuleId: module(other.org.id, oscar.user.id),
  };
}

const imageNode = (attrs: Record<string, unknown>) => ({
  type: "image",
  attrs: { imageId: "AAAAAAAAAAAAAAAAAAAAAA", alt: "", decorative: false, width: 1600, height: 1200, ...attrs },
});

describe("images in modules", () => {
  it("stores an upload as the organisation's, with both copies for everyone in it", async () => {
    const w = world();
    const result = await uploadImage(w.fran, w.moduleId, { name: "circle.jpg", bytes: await photo(2000, 1000) });
    if (!result.ok) throw new Error(result.message);
    expect(result.image).toMatchObject({ width: 1600, height: 800 });
    const full = await imageCopy(w.lena, result.image.id, "full");
    const phone = await imageCopy(w.lena, result.image.id, "phone");
    expect(full.mime).toBe("image/webp");
    expect((await sharp(full.bytes).metadata()).width).toBe(1600);
    expect((await sharp(phone.bytes).metadata()).width).toBe(640);
  });

  it("is not found by another organisation, whatever its role", async () => {
    const w = world();
    const result = await uploadImage(w.fran, w.moduleId, { name: "circle.jpg", bytes: await photo(800, 600) });
    if (!result.ok) throw new Error(result.message);
    await expect(imageCopy(w.oscar, result.image.id, "full")).rejects.toBeInstanceOf(NotFoundError);
    await expect(imageCopy(w.oscar, result.image.id, "phone")).rejects.toBeInstanceOf(NotFoundError);
    await expect(imageCopy(w.fran, "not-an-id", "full")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is uploaded only by the module's authors, and never into another organisation's module", async () => {
    const w = world();
    const bytes = await photo(100, 100);
    await expect(uploadImage(w.lena, w.moduleId, { name: "a.jpg", bytes })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(uploadImage(w.fran, w.otherModuleId, { name: "a.jpg", bytes })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives a refused file's reason back, storing nothing", async () => {
    const w = world();
    const result = await uploadImage(w.fran, w.moduleId, {
      name: "cat.png",
      bytes: new TextEncoder().encode("<svg/>"),
    });
    expect(result).toEqual({
      ok: false,
      message: "“cat.png” is an SVG drawing, which cannot be used here. Save it as a PNG and try again.",
    });
  });
});

describe("an image in a document", () => {
  it("is refused without alt text, unless marked decorative", () => {
    expect(validateDoc(doc(imageNode({ alt: "" })))).toEqual({ ok: false, message: IMAGE_WITHOUT_ALT });
    expect(validateDoc(doc(imageNode({ alt: "   " })))).toEqual({ ok: false, message: IMAGE_WITHOUT_ALT });
    expect(validateDoc(doc(imageNode({ alt: "Two people talking on a bench" })))).toEqual({ ok: true });
    expect(validateDoc(doc(imageNode({ decorative: true })))).toEqual({ ok: true });
  });

  it("is refused with a made-up id or size", () => {
    expect(validateDoc(doc(imageNode({ alt: "A bench", imageId: "../../etc" }))).ok).toBe(false);
    expect(validateDoc(doc(imageNode({ alt: "A bench", width: "wide" }))).ok).toBe(false);
    expect(validateDoc(doc(imageNode({ alt: "x".repeat(501) }))).ok).toBe(false);
  });

  it("renders with both copies, its size, and lazily", () => {
    const html = renderDocumentHTML(doc(imageNode({ alt: "Two people on a bench" })));
    expect(html).toContain('src="/images/AAAAAAAAAAAAAAAAAAAAAA/full"');
    expect(html).toContain(
      'srcset="/images/AAAAAAAAAAAAAAAAAAAAAA/phone 640w, /images/AAAAAAAAAAAAAAAAAAAAAA/full 1600w"',
    );
    expect(html).toContain('sizes="(max-width: 42rem) 100vw, 42rem"');
    expect(html).toContain('width="1600" height="1200"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('alt="Two people on a bench"');
  });

  it("is part of the learner's section, on its own or between paragraphs", () => {
    const heading = { type: "heading", attrs: { level: 2 }, content: [text("Being there")] };
    const alone = splitSections(doc(heading, imageNode({ alt: "A bench" })))[0];
    if (!alone) throw new Error("no section");
    expect(sectionParts(alone).map((part) => part.kind === "html" && part.html.includes('alt="A bench"'))).toEqual([
      true,
    ]);
    const between = splitSections(
      doc(heading, p(text("Before.")), imageNode({ alt: "A bench" }), p(text("After."))),
    )[0];
    if (!between) throw new Error("no section");
    const html = sectionParts(between)
      .map((part) => (part.kind === "html" ? part.html : ""))
      .join("");
    expect(html).toMatch(/Before\..*alt="A bench".*After\./);
  });

  it("renders a decorative image with empty alt text, so screen readers pass over it", () => {
    const html = renderDocumentHTML(doc(imageNode({ alt: "Ignored words", decorative: true })));
    expect(html).toContain('alt=""');
    expect(html).not.toContain("Ignored words");
  });
});
