import { and, asc, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { membershipRoles, memberships, storyWithdrawals } from "../../db/schema";
import { loadDocumentJSON } from "../collaboration/store";
import { withoutStories } from "../documents/stories";
import { withoutSuggestions } from "../documents/suggestions";
import { NotFoundError } from "../shared/errors";
import { createModule, getModule } from "../workshop/service";
import type { ImageLookup } from "./images";
import { type ModuleFile, parseModuleFile } from "./parse";
import type { ContentError } from "./problems";
import { serializeModule } from "./serialize";

export const IMPORTED_CREDIT = "Imported content";

export type ContentFile = { name: string; text: string };
export type ImportedModule = { id: string; title: string; file: string };
export type ImportResult = { ok: true; modules: ImportedModule[] } | { ok: false; errors: ContentError[] };

/**
 * Imports content files as draft modules. Every file is read before anything is written: one
 * broken file means nothing is imported and every problem in every file is reported. The modules
 * are then created in one transaction (a savepoint when the caller already holds one).
 */
export function importModuleFiles(
  db: DB,
  input: {
    orgId: string;
    createdBy: string;
    originCredit?: string | null;
    files: ContentFile[];
    /** The upload's images, already taken in; without, a file with an image is refused. */
    images?: ImageLookup;
  },
  now = new Date(),
): ImportResult {
  const parsed: { file: string; module: ModuleFile }[] = [];
  const errors: ContentError[] = [];
  for (const file of input.files) {
    const result = parseModuleFile(file.text, file.name, input.images);
    if (result.ok) parsed.push({ file: file.name, module: result.module });
    else errors.push(...result.errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  const modules = db.transaction((tx) =>
    parsed.map(({ file, module }) => {
      const { id } = createModule(
        tx,
        {
          ...module.details,
          orgId: input.orgId,
          createdBy: input.createdBy,
          doc: module.doc,
          originCredit: input.originCredit === undefined ? IMPORTED_CREDIT : input.originCredit,
        },
        now,
      );
      return { id, title: module.details.title, file };
    }),
  );
  return { ok: true, modules };
}

/** A module's draft as a content file. Withdrawn stories go out as withdrawn, whatever the draft holds. */
export function exportModule(db: DB, moduleId: string): string {
  const row = getModule(db, moduleId);
  if (!row) throw new NotFoundError("That module");
  const withdrawn = db
    .select({ storyId: storyWithdrawals.storyId })
    .from(storyWithdrawals)
    .where(eq(storyWithdrawals.moduleId, moduleId))
    .all();
  return serializeModule({
    details: {
      title: row.title,
      topic: row.topic,
      customTopic: row.customTopic,
      summary: row.summary,
      estimatedMinutes: row.estimatedMinutes,
    },
    // A draft is exported with its open suggestions rejected, as every reader of a draft sees it.
    doc: withoutStories(withoutSuggestions(loadDocumentJSON(db, moduleId)), new Set(withdrawn.map((w) => w.storyId))),
  });
}

/**
 * Who imported content is credited to when no person is named: the organisation's longest-standing
 * facilitator, else its longest-standing admin. Null when it has neither.
 */
/** The organisation a module belongs to, for the operator's CLI, which names modules by id alone. */
export function moduleOrganisation(db: DB, moduleId: string): string {
  const row = getModule(db, moduleId);
  if (!row) throw new NotFoundError("That module");
  return row.orgId;
}

export function defaultAuthor(db: DB, orgId: string): string | null {
  for (const role of ["facilitator", "admin"] as const) {
    const row = db
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
      .where(and(eq(membershipRoles.orgId, orgId), eq(membershipRoles.role, role)))
      .orderBy(asc(memberships.createdAt), asc(memberships.id))
      .get();
    if (row) return row.userId;
  }
  return null;
}
