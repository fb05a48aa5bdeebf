import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";
import { modules } from "./workshop";

export const IMAGE_KINDS = ["png", "jpeg", "webp", "gif"] as const;

/**
 * A picture uploaded into a module, owned by the organisation. Never changed once written: its id is
 * the address learners' browsers keep for a year. The copies' bytes are in the image store, by key.
 */
export const images = sqliteTable(
  "images",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The module it was first uploaded into; any module of the organisation may use it. */
    moduleId: text("module_id").references(() => modules.id, { onDelete: "set null" }),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    /** What was uploaded, read from its bytes. */
    kind: text("kind", { enum: IMAGE_KINDS }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    fullKey: text("full_key").notNull(),
    phoneWidth: integer("phone_width").notNull(),
    phoneHeight: integer("phone_height").notNull(),
    phoneKey: text("phone_key").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("images_org_idx").on(t.orgId)],
);

/** The embedded image store: each copy's bytes under the SHA-256 of those bytes. */
export const imageBlobs = sqliteTable("image_blobs", {
  key: text("key").primaryKey(),
  mime: text("mime").notNull(),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
  createdAt: timestamp("created_at").notNull(),
});
