import { eq } from "drizzle-orm";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { modules } from "../../db/schema";
import { contextFor } from "../auth/context";
import { loadDocumentJSON } from "../collaboration/store";
import { findNodes } from "../documents/sections";
import { imageCopy, uploadImage } from "../images/index";
import { photo } from "../images/test-images";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import { importUpload, moduleContentFile, moduleContentZip } from "./browser-import";
import { MAX_UPLOAD_IMAGES } from "./upload";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function world() {
  const org = makeOrganisation(database.db);
  const fran = org.member(["facilitator"], "Fran Facilitator");
  const count = () => database.db.select().from(modules).where(eq(modules.orgId, org.org.id)).all().length;
  return { org, fran: contextFor(database.db, fran.actor), count };
}

const lesson = (...lines: string[]) =>
  [
    "---",
    "title: Being there",
    "topic: boundaries",
    "estimatedMinutes: 10",
    "---",
    "",
    "## Sitting with someone",
    "",
    ...lines,
    "",
  ].join("\n");

const zip = (files: Record<string, string | Uint8Array>) => ({
  name: "pack.zip",
  bytes: zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])),
  ),
});

describe("images in content files", () => {
  it("download beside the file in a zip, which imports again as a module with its images", async () => {
    const w = world();
    const { id: moduleId } = createModule(database.db, {
      orgId: w.org.org.id,
      createdBy: w.fran.actor.userId,
      title: "Being there",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
      doc: doc(p(text("Hello."))),
    });
    const uploaded = await uploadImage(w.fran, moduleId, { name: "bench.jpg", bytes: await photo(900, 600) });
    if (!uploaded.ok) throw new Error(uploaded.message);
    const imageId = uploaded.image.id;
    const withImage = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Sitting with someone")] },
      { type: "image", attrs: { imageId, alt: "An empty bench", decorative: false, width: 900, height: 600 } },
      { type: "image", attrs: { imageId, alt: "", decorative: true, width: 900, height: 600 } },
    );
    const { id: sourceId } = createModule(database.db, {
      orgId: w.org.org.id,
      createdBy: w.fran.actor.userId,
      title: "With a picture",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
      doc: withImage,
    });
    const file = moduleContentFile(w.fran, sourceId);
    expect(file.text).toContain(`![An empty bench](images/${imageId}.webp)`);
    expect(file.text).toContain(`![](images/${imageId}.webp "decorative")`);

    const download = await moduleContentZip(w.fran, sourceId);
    expect(download.fileName).toBe("with-a-picture.zip");
    expect(Object.keys(unzipSync(download.bytes)).sort()).toEqual([`images/${imageId}.webp`, "with-a-picture.md"]);

    const imported = await importUpload(w.fran, { name: download.fileName, bytes: download.bytes });
    if (!imported.ok) throw new Error(imported.problems.join("\n"));
    const again = findNodes(loadDocumentJSON(database.db, imported.modules[0]?.id ?? ""), "image");
    expect(again.map((n) => [n.attrs?.alt, n.attrs?.decorative, n.attrs?.width])).toEqual([
      ["An empty bench", false, 900],
      ["", true, 900],
    ]);
    const copy = await imageCopy(w.fran, String(again[0]?.attrs?.imageId), "full");
    expect(copy.mime).toBe("image/webp");
  });

  it("imports a zip whose file names its images by their path beside it", async () => {
    const w = world();
    const result = await importUpload(
      w.fran,
      zip({
        "week1/lesson.md": lesson("![Two people talking](pictures/talk.jpg)"),
        "week1/pictures/talk.jpg": await photo(700, 500),
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(w.count()).toBe(1);
  });

  it("refuses an image that is not in the zip, by file and line, and makes nothing", async () => {
    const w = world();
    const result = await importUpload(
      w.fran,
      zip({ "lesson.md": lesson("Words.", "", "![A bench](images/bench.jpg)") }),
    );
    expect(result).toEqual({
      ok: false,
      file: "pack.zip",
      problems: [
        "lesson.md:11: “images/bench.jpg” is missing: add the image at images/bench.jpg, beside the content file, or remove this line.",
      ],
    });
    expect(w.count()).toBe(0);
  });

  it("refuses an image path that climbs out of the zip, or is an address elsewhere", async () => {
    const w = world();
    for (const url of ["../secret.png", "images/../../secret.png", "/etc/secret.png", "https://example.org/a.png"]) {
      const result = await importUpload(w.fran, zip({ "lesson.md": lesson(`![A bench](${url})`) }));
      expect(!result.ok && result.problems, url).toEqual([
        `lesson.md:9: “${url}” is not a file beside this one: put the image beside the content file, such as images/picture.jpg, and write that path.`,
      ]);
    }
    expect(w.count()).toBe(0);
  });

  it("refuses an image without alt text unless it is marked decorative", async () => {
    const w = world();
    const bytes = await photo(300, 200);
    const result = await importUpload(w.fran, zip({ "lesson.md": lesson("![](images/a.jpg)"), "images/a.jpg": bytes }));
    expect(!result.ok && result.problems).toEqual([
      'lesson.md:9: The image “images/a.jpg” needs alt text that says what it shows: ![Two people talking](images/a.jpg). If it adds nothing a learner would miss, mark it decorative: ![](images/a.jpg "decorative").',
    ]);
    expect(w.count()).toBe(0);
  });

  it("refuses an SVG renamed .png in the zip, naming it", async () => {
    const w = world();
    const result = await importUpload(
      w.fran,
      zip({
        "lesson.md": lesson("![A logo](images/logo.png)"),
        "images/logo.png": "<svg xmlns='http://www.w3.org/2000/svg'/>",
      }),
    );
    expect(!result.ok && result.problems).toEqual([
      "“images/logo.png” is an SVG drawing, which cannot be used here. Save it as a PNG and try again.",
    ]);
    expect(w.count()).toBe(0);
  });

  it("refuses a zip of more than 200 images", async () => {
    const w = world();
    const tiny = await photo(2, 2, "png");
    const files: Record<string, string | Uint8Array> = { "lesson.md": lesson("Words.") };
    for (let i = 0; i <= MAX_UPLOAD_IMAGES; i += 1) files[`images/${i}.png`] = tiny;
    const result = await importUpload(w.fran, zip(files));
    expect(!result.ok && result.problems).toEqual([`“pack.zip” holds more than ${MAX_UPLOAD_IMAGES} images.`]);
    expect(w.count()).toBe(0);
  });
});
