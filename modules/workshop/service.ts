import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleCollaborators, modules } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { initDocument, refreshFacts } from "../collaboration/store";
import { jsonToUpdate } from "../collaboration/ydoc";
import { type DocJSON, EMPTY_DOC, validateDoc } from "../documents/json";
import { InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import type { ModuleDetails } from "./schemas";

export type NewModule = ModuleDetails & {
  orgId: string;
  createdBy: string;
  doc?: DocJSON;
  originCredit?: string | null;
};

/**
 * Creates a module with its first document, making its creator the facilitator. Runs inside the
 * caller's transaction when there is one, so an import of many modules is all or nothing.
 */
export function createModule(db: DB, input: NewModule, now = new Date()) {
  const doc = input.doc ?? EMPTY_DOC;
  const valid = validateDoc(doc);
  if (!valid.ok) throw new InvalidError(`The document does not fit the module format: ${valid.message}`);
  const id = newId();
  db.insert(modules)
    .values({
      id,
      orgId: input.orgId,
      title: input.title,
      topic: input.topic,
      customTopic: input.topic === "other" ? input.customTopic : "",
      summary: input.summary,
      estimatedMinutes: input.estimatedMinutes,
      originCredit: input.originCredit ?? null,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(moduleCollaborators)
    .values({ moduleId: id, userId: input.createdBy, role: "facilitator", addedBy: input.createdBy, addedAt: now })
    .run();
  initDocument(db, id, jsonToUpdate(doc), now);
  refreshFacts(db, id, doc, input.createdBy, now);
  recordAudit(
    db,
    { orgId: input.orgId, actorUserId: input.createdBy, action: "module.created", targetType: "module", targetId: id },
    now,
  );
  return { id };
}

export function getModule(db: DB, id: string) {
  return db.select().from(modules).where(eq(modules.id, id)).get();
}
