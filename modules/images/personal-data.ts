import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { images } from "../../db/schema";

/** The images the person uploaded: what and when, not the pictures themselves, which are the organisation's. */
export const imageRows = (db: DB, userId: string) =>
  db
    .select({
      id: images.id,
      moduleId: images.moduleId,
      width: images.width,
      height: images.height,
      createdAt: images.createdAt,
    })
    .from(images)
    .where(eq(images.uploadedBy, userId))
    .all();
