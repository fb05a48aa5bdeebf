import { and, desc, eq, inArray } from "drizzle-orm";
import { courses, courseVersions, modules, moduleVersions, storyWithdrawals } from "../../db/schema";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import type { DocJSON } from "../documents/json";
import { storiesLeavingOrganisation } from "../documents/stories";
import { topicLabel } from "../documents/vocabulary";
import { sectionParts, versionSections } from "../learning/player";
import { type ShownPart, storiesShown } from "../learning/stories";
import { reachableSupportResources, VISITOR_SUPPORT } from "../organisations/support";
import { InvalidError, NotFoundError } from "../shared/errors";
import type { ModuleDetails } from "../workshop/schemas";

export type PackageSection = { index: number; title: string; contentNote: string[] | null; parts: ShownPart[] };
export type PackageModule = {
  position: number;
  /** The module across its versions: a cmi5 AU is the module's own xAPI activity. */
  moduleId: string;
  versionId: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  doc: DocJSON;
  details: ModuleDetails;
  sections: PackageSection[];
};
export type PackageSupport = { name: string; purpose: string; phone: string; sms: string; web: string; hours: string };
export type PackageCourse = {
  courseId: string;
  versionId: string;
  version: number;
  title: string;
  description: string;
  modules: PackageModule[];
  support: { resources: PackageSupport[]; nationalDefaults: boolean };
};

/** The course, when it is of the actor's organisation (else "not found") and they may compose courses. */
function courseInOrg(ctx: Context, courseId: string) {
  const course = ctx.db
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.orgId, ctx.actor.orgId)))
    .get();
  if (!course) throw new NotFoundError("That course");
  authorize(ctx.actor, "course.manage", course);
  return course;
}

function latestVersion(ctx: Context, courseId: string) {
  return ctx.db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.orgId, ctx.actor.orgId)))
    .orderBy(desc(courseVersions.version))
    .limit(1)
    .get();
}

/**
 * What the course page needs to offer the exports: why the course cannot leave now (null when it can),
 * the version that would, and whether its support would be the national defaults.
 */
export function exportSummary(ctx: Context, courseId: string) {
  const course = courseInOrg(ctx, courseId);
  const version = latestVersion(ctx, course.id);
  return {
    refusal: refusal(ctx, course, version),
    title: version?.title ?? course.title,
    version: version?.version ?? 0,
    nationalDefaults: reachableSupportResources(ctx.db, ctx.actor.orgId).length === 0,
  };
}

/**
 * Why the course cannot leave as a package, or null when it can: only what learners in the app may
 * start goes out, so a course never published, archived, or holding a module its facilitators have
 * since withdrawn (a draft or archived again) stays in.
 */
function refusal(ctx: Context, course: { status: string }, version: ReturnType<typeof latestVersion>): string | null {
  if (course.status === "archived") {
    return "This course is archived, so it cannot be exported. Bring it back from the archive first.";
  }
  if (!version)
    return "This course has not been published yet. Publish it first: only a published version is exported.";
  const ids = version.items.map((i) => i.moduleId);
  const withdrawn = ctx.db
    .select({ title: modules.title })
    .from(modules)
    .where(
      and(eq(modules.orgId, ctx.actor.orgId), inArray(modules.id, ids), inArray(modules.status, ["draft", "archived"])),
    )
    .all();
  if (withdrawn.length > 0) {
    const names = withdrawn.map((m) => `“${m.title}”`).join(", ");
    return `${names} ${withdrawn.length === 1 ? "was" : "were"} withdrawn from learners since this version was published, so it cannot be exported. Update or remove ${withdrawn.length === 1 ? "it" : "them"} below, publish the course again, then export.`;
  }
  return null;
}

/**
 * The course's latest published version as a package holds it: every module's sections rendered with
 * the learner player's own parts, and the support to show. An organisation with no support a learner
 * can reach gets the national defaults, and the package says so.
 */
export function courseToExport(ctx: Context, courseId: string): PackageCourse {
  const course = courseInOrg(ctx, courseId);
  const version = latestVersion(ctx, course.id);
  const refused = refusal(ctx, course, version);
  if (refused || !version) throw new InvalidError(refused ?? "This course cannot be exported.");
  const ids = version.items.map((i) => i.moduleVersionId);
  const rows = ctx.db
    .select({ version: moduleVersions, topic: modules.topic, customTopic: modules.customTopic })
    .from(moduleVersions)
    .innerJoin(modules, eq(modules.id, moduleVersions.moduleId))
    .where(and(inArray(moduleVersions.id, ids), eq(moduleVersions.orgId, ctx.actor.orgId)))
    .all();
  const byId = new Map(rows.map((r) => [r.version.id, r]));
  const withdrawnStories = new Map<string, Set<string>>();
  const moduleIds = rows.map((r) => r.version.moduleId);
  if (moduleIds.length > 0) {
    for (const w of ctx.db
      .select({ moduleId: storyWithdrawals.moduleId, storyId: storyWithdrawals.storyId })
      .from(storyWithdrawals)
      .where(inArray(storyWithdrawals.moduleId, moduleIds))
      .all()) {
      withdrawnStories.set(w.moduleId, (withdrawnStories.get(w.moduleId) ?? new Set()).add(w.storyId));
    }
  }
  const packaged = version.items.flatMap((item, i): PackageModule[] => {
    const found = byId.get(item.moduleVersionId);
    if (!found) return [];
    const row = found.version;
    const doc = storiesLeavingOrganisation(row.doc as DocJSON, withdrawnStories.get(row.moduleId) ?? new Set());
    return [
      {
        position: i + 1,
        moduleId: row.moduleId,
        versionId: row.id,
        title: row.title,
        summary: row.summary,
        estimatedMinutes: row.estimatedMinutes,
        doc,
        details: {
          title: row.title,
          topic: found.topic,
          customTopic: found.customTopic,
          summary: row.summary,
          estimatedMinutes: row.estimatedMinutes,
        },
        sections: versionSections(doc).map((s) => ({
          index: s.index,
          title: s.title,
          contentNote:
            s.contentNoteTopics.length > 0 || s.customTopics.length > 0
              ? [...s.contentNoteTopics.filter((t) => t !== "custom").map((t) => topicLabel(t)), ...s.customTopics]
              : null,
          parts: storiesShown(ctx.db, row.moduleId, sectionParts(s)),
        })),
      },
    ];
  });
  const own = reachableSupportResources(ctx.db, ctx.actor.orgId);
  const pick = ({ name, purpose, phone, sms, web, hours }: PackageSupport) => ({
    name,
    purpose,
    phone,
    sms,
    web,
    hours,
  });
  return {
    courseId: course.id,
    versionId: version.id,
    version: version.version,
    title: version.title,
    description: version.description,
    modules: packaged,
    support:
      own.length > 0
        ? { resources: own.map(pick), nationalDefaults: false }
        : { resources: VISITOR_SUPPORT.map(pick), nationalDefaults: true },
  };
}
