import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { imageBlobs } from "../../db/schema";
import { sha256 } from "../shared/ids";

export type Stored = { bytes: Buffer; mime: string };

/**
 * Where the bytes of image copies live, by the SHA-256 of those bytes: the same bytes are kept once,
 * and a key never comes to mean other bytes. The embedded store is a table in the one SQLite file,
 * so that a backup holds the images too (ADR 35); an object store (S3 and its kind) is the same two
 * calls, with `put` writing the object under its key and `get` reading it.
 */
export type ImageStore = {
  put(bytes: Buffer, mime: string, now: Date): Promise<string>;
  get(key: string): Promise<Stored | null>;
};

export function embeddedImageStore(db: DB): ImageStore {
  return {
    async put(bytes, mime, now) {
      const key = sha256(bytes);
      db.insert(imageBlobs).values({ key, mime, bytes, createdAt: now }).onConflictDoNothing().run();
      return key;
    },
    async get(key) {
      const row = db
        .select({ bytes: imageBlobs.bytes, mime: imageBlobs.mime })
        .from(imageBlobs)
        .where(eq(imageBlobs.key, key))
        .get();
      return row ?? null;
    },
  };
}
