import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "../../db/client";
import { images } from "../../db/schema";
import type { Context } from "../auth/context";
import { requireInOrg } from "../auth/policy";
import { describesItself, type ImageVariant } from "../documents/blocks/image";
import { type DocJSON, IMAGE_WITHOUT_ALT } from "../documents/json";
import { findNodes } from "../documents/sections";
import { NotFoundError } from "../shared/errors";
import { isId, newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";
import { type Processed, processImage, type Refused, type Upload } from "./pipeline";
import { embeddedImageStore, type Stored } from "./store";

/** What the editor puts in the document for an uploaded image. */
export type UploadedImage = { id: string; width: number; height: number };

/**
 * Takes a picture into the organisation's images for a module its author is writing: checked,
 * stripped of everything the camera wrote and resized (pipeline.ts), then stored. Whoever may edit
 * the module may upload; the check comes first, so nobody else's upload is ever decoded.
 */
export async function uploadImage(
  ctx: Context,
  moduleId: string,
  upload: Upload,
): Promise<{ ok: true; image: UploadedImage } | Refused> {
  const { module } = loadModule(ctx, moduleId, "edit");
  const processed = await processImage(upload);
  if (!processed.ok) return processed;
  const id = newId();
  await saveImage(ctx, { id, moduleId: module.id, processed });
  return { ok: true, image: { id, width: processed.full.width, height: processed.full.height } };
}

/** An image checked and resized, with the id it will have once saved. */
export type PreparedImage = UploadedImage & { processed: Processed };

/**
 * Checks and resizes the images of an upload (a zip of content files) before anything is saved, so
 * that one bad image means nothing is imported; each refusal names its file.
 */
export async function prepareImages(
  uploads: Upload[],
): Promise<{ ok: true; images: Map<string, PreparedImage> } | { ok: false; problems: string[] }> {
  const images = new Map<string, PreparedImage>();
  const problems: string[] = [];
  for (const upload of uploads) {
    const processed = await processImage(upload);
    if (!processed.ok) problems.push(processed.message);
    else
      images.set(upload.name, { id: newId(), width: processed.full.width, height: processed.full.height, processed });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, images };
}

/** Saves a checked image as the actor's organisation's, under the id it was given. */
export async function saveImage(
  ctx: Context,
  image: { id: string; moduleId: string | null; processed: Processed },
): Promise<void> {
  await storeImage(ctx.db, { orgId: ctx.actor.orgId, uploadedBy: ctx.actor.userId, now: ctx.now }, image);
}

/**
 * Stores a checked image as the organisation's, uploaded by the person named. For callers that act
 * for an organisation without a signed-in person, such as the content CLI run by the operator.
 */
export async function storeImage(
  db: DB,
  owner: { orgId: string; uploadedBy: string; now: Date },
  image: { id: string; moduleId: string | null; processed: Processed },
): Promise<void> {
  const { id, processed } = image;
  const store = embeddedImageStore(db);
  const fullKey = await store.put(processed.full.bytes, processed.full.mime, owner.now);
  const phoneKey = await store.put(processed.phone.bytes, processed.phone.mime, owner.now);
  db.insert(images)
    .values({
      id,
      orgId: owner.orgId,
      moduleId: image.moduleId,
      uploadedBy: owner.uploadedBy,
      kind: processed.kind,
      width: processed.full.width,
      height: processed.full.height,
      fullKey,
      phoneWidth: processed.phone.width,
      phoneHeight: processed.phone.height,
      phoneKey,
      createdAt: owner.now,
    })
    .run();
}

/**
 * One copy of an image, for anyone in the organisation that owns it: its modules' authors, and the
 * learners and trainers who read them. An image of another organisation, or a made-up id, is not found.
 */
export async function imageCopy(ctx: Context, imageId: string, variant: ImageVariant): Promise<Stored> {
  if (!isId(imageId)) throw new NotFoundError("That image");
  const row = ctx.db
    .select({ orgId: images.orgId, fullKey: images.fullKey, phoneKey: images.phoneKey })
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.orgId, ctx.actor.orgId)))
    .get();
  const image = requireInOrg(ctx.actor, row, "That image");
  const stored = await embeddedImageStore(ctx.db).get(variant === "phone" ? image.phoneKey : image.fullKey);
  if (!stored) throw new NotFoundError("That image");
  return stored;
}

/** Of these image ids, the ones that are not the organisation's own images. */
/**
 * The full copies of the organisation's images among those named, by id, for a module's content
 * files. An id the organisation does not hold, or whose copy is gone, is left out: the content file
 * then names its line when imported.
 */
export async function fullCopiesOf(db: DB, orgId: string, imageIds: string[]): Promise<Map<string, Stored>> {
  const ids = imageIds.filter(isId);
  const copies = new Map<string, Stored>();
  if (ids.length === 0) return copies;
  const rows = db
    .select({ id: images.id, fullKey: images.fullKey })
    .from(images)
    .where(and(eq(images.orgId, orgId), inArray(images.id, ids)))
    .all();
  const store = embeddedImageStore(db);
  for (const row of rows) {
    const stored = await store.get(row.fullKey);
    if (stored) copies.set(row.id, stored);
  }
  return copies;
}

export function imagesNotInOrganisation(db: DB, orgId: string, ids: string[]): string[] {
  const wanted = [...new Set(ids)].filter(isId);
  const found = new Set(
    wanted.length === 0
      ? []
      : db
          .select({ id: images.id })
          .from(images)
          .where(and(eq(images.orgId, orgId), inArray(images.id, wanted)))
          .all()
          .map((r) => r.id),
  );
  return [...new Set(ids)].filter((id) => !found.has(id));
}

export const FOREIGN_IMAGE =
  "An image in this module is no longer in your organisation's images. Remove it, or upload it again, then publish.";

/**
 * Why a document cannot be published because of its images, or null: each one says what it shows
 * (or is marked decorative), and each is the organisation's own, so that a published version never
 * shows a learner a picture that is missing or someone else's.
 */
export function imagesProblem(db: DB, orgId: string, doc: DocJSON): string | null {
  const found = findNodes(doc, "image");
  if (found.some((node) => !describesItself(node.attrs))) return IMAGE_WITHOUT_ALT;
  const ids = found.map((node) => String(node.attrs?.imageId ?? ""));
  return imagesNotInOrganisation(db, orgId, ids).length > 0 ? FOREIGN_IMAGE : null;
}
