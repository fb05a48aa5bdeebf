import type { DB } from "../../db/client";
import type { DocJSON } from "../documents/json";
import { createModuleVersion } from "../publishing/service";
import { createModule, getModule } from "../workshop/service";

/** A module written by `by` and published straight away as version 1, for tests that need content. */
export function publishedModule(
  db: DB,
  input: { orgId: string; by: string; title: string; doc: DocJSON; summary?: string; estimatedMinutes?: number },
) {
  const { id } = createModule(db, {
    orgId: input.orgId,
    createdBy: input.by,
    title: input.title,
    topic: "boundaries",
    customTopic: "",
    summary: input.summary ?? "",
    estimatedMinutes: input.estimatedMinutes ?? 10,
    doc: input.doc,
  });
  const module = getModule(db, id);
  if (!module) throw new Error("module missing");
  const version = createModuleVersion(db, {
    module,
    doc: input.doc,
    changelog: "First version.",
    publishedBy: input.by,
  });
  return { moduleId: id, versionId: version.id };
}
