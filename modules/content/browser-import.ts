import { z } from "zod";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { loadModule } from "../workshop/module-access";
import { formatError } from "./problems";
import { exportModule, importModuleFiles } from "./service";
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
 * drafts are credited as imported content, with the facilitator as their first collaborator.
 */
export function importUpload(ctx: Context, upload: Upload): UploadResult {
  authorize(ctx.actor, "module.create");
  const unpacked = contentFilesFrom(upload);
  if (!unpacked.ok) return { ok: false, file: upload.name, problems: [unpacked.message] };
  const result = importModuleFiles(
    ctx.db,
    { orgId: ctx.actor.orgId, createdBy: ctx.actor.userId, files: unpacked.files },
    ctx.now,
  );
  if (!result.ok) return { ok: false, file: upload.name, problems: result.errors.map(formatError) };
  return { ok: true, modules: result.modules };
}

/** A module the person can open, as a content file to download (it changes nothing, so a GET). */
export function moduleContentFile(ctx: Context, moduleId: string) {
  const { module } = loadModule(ctx, moduleId);
  const slug =
    module.title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 60) || "module";
  return { fileName: `${slug}.md`, text: exportModule(ctx.db, module.id) };
}
