import type { DB } from "../../db/client";
import { prepareImages, storeImage } from "../images/service";
import { formatError } from "./problems";
import { type ContentFile, type ImportedModule, importModuleFiles } from "./service";
import type { Upload } from "./upload";

export type ImportWithImagesResult = { ok: true; modules: ImportedModule[] } | { ok: false; problems: string[] };

/**
 * Imports content files with the images beside them, as the browser's zip import and the CLI both do.
 * Every image is checked and resized first, and every file read; one problem anywhere means nothing
 * is made and every problem is listed as `file:line: message`. Only the images the files use are
 * saved, and only once the drafts exist.
 */
export async function importWithImages(
  db: DB,
  input: { orgId: string; createdBy: string; originCredit?: string | null; files: ContentFile[]; images: Upload[] },
  now: Date,
): Promise<ImportWithImagesResult> {
  const prepared = await prepareImages(input.images);
  if (!prepared.ok) return { ok: false, problems: prepared.problems };
  const used = new Set<string>();
  const result = importModuleFiles(
    db,
    {
      orgId: input.orgId,
      createdBy: input.createdBy,
      originCredit: input.originCredit,
      files: input.files,
      images: (pathBeside) => {
        const image = prepared.images.get(pathBeside);
        if (!image) return null;
        used.add(pathBeside);
        return { imageId: image.id, width: image.width, height: image.height };
      },
    },
    now,
  );
  if (!result.ok) return { ok: false, problems: result.errors.map(formatError) };
  for (const name of used) {
    const image = prepared.images.get(name);
    if (image) {
      await storeImage(db, { orgId: input.orgId, uploadedBy: input.createdBy, now }, { ...image, moduleId: null });
    }
  }
  return { ok: true, modules: result.modules };
}
