import { strToU8, zipSync } from "fflate";
import { z } from "zod";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { loadModule } from "../workshop/module-access";
import { moduleImageFiles } from "./images-beside";
import { importWithImages } from "./import-with-images";
import { exportModule } from "./service";
import { contentFilesFrom, type Upload } from "./upload";

type UploadedFile = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

const CHOOSE = "Choose a content file (.md) or a zip of content files to import.";

/**
 * What the import form sends: one chosen file (a Markdown content file or a zip of them). Told by its
 * shape, not its class: the server's fetch polyfill and Node each have a File of their own. A form
 * sent with no file chosen carries an empty one with no name.
 */
export const uploadSchema = z.object({
  file: z.custom<UploadedFile>(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      typeof (v as UploadedFile).arrayBuffer === "function" &&
      typeof (v as UploadedFile).name === "string" &&
      (v as UploadedFile).name !== "" &&
      (v as UploadedFile).size > 0,
    { message: CHOOSE },
  ),
});

export type UploadResult =
  | { ok: true; modules: { id: string; title: string; file: string }[] }
  | { ok: false; file: string; problems: string[] };

/**
 * The content CLI's import, from the browser: every file is read before anything is written, and one
 * problem anywhere means nothing is made and every problem is listed as `file:line: message`. The
 * drafts are credited as imported content, with the facilitator as their first collaborator. Images
 * beside the files in a zip are checked and resized first, and saved (those the files use) only once
 * every file has been read without a problem.
 */
export async function importUpload(ctx: Context, upload: Upload): Promise<UploadResult> {
  authorize(ctx.actor, "module.create");
  const unpacked = contentFilesFrom(upload);
  if (!unpacked.ok) return { ok: false, file: upload.name, problems: [unpacked.message] };
  const result = await importWithImages(
    ctx.db,
    { orgId: ctx.actor.orgId, createdBy: ctx.actor.userId, files: unpacked.files, images: unpacked.images },
    ctx.now,
  );
  return result.ok ? result : { ok: false, file: upload.name, problems: result.problems };
}

/** A module the person can open, as a content file to download (it changes nothing, so a GET). */
export function moduleContentFile(ctx: Context, moduleId: string) {
  const { module } = loadModule(ctx, moduleId);
  return { fileName: `${slugOf(module.title)}.md`, text: exportModule(ctx.db, module.id) };
}

/**
 * The module's content file in a zip with its images beside it (images/<id>.webp, the full copy),
 * which imports again as it is. An image the organisation no longer has is left out: the import
 * then names its line.
 */
export async function moduleContentZip(ctx: Context, moduleId: string) {
  const { module } = loadModule(ctx, moduleId);
  const slug = slugOf(module.title);
  const files: Record<string, Uint8Array> = { [`${slug}.md`]: strToU8(exportModule(ctx.db, module.id)) };
  for (const image of await moduleImageFiles(ctx.db, module.orgId, module.id)) files[image.name] = image.bytes;
  return { fileName: `${slug}.zip`, bytes: zipSync(files, { level: 0 }) };
}

function slugOf(title: string) {
  return (
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 60) || "module"
  );
}
