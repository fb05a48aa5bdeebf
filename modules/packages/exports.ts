import { recordAudit } from "../audit/service";
import type { Context } from "../auth/context";
import { InvalidError } from "../shared/errors";
import { cmi5Package, markdownPackage, scormPackage } from "./build";
import { courseToExport, exportSummary } from "./course-to-export";
import { fileSlug, packageFileName } from "./file-name";
import { scormOptionsSchema } from "./schemas";

type From = { ip: string | null };

function audit(
  ctx: Context,
  courseId: string,
  action: "course.scorm_exported" | "course.cmi5_exported" | "course.markdown_exported",
  detail: Record<string, unknown>,
  from: From,
) {
  recordAudit(
    ctx.db,
    {
      orgId: ctx.actor.orgId,
      actorUserId: ctx.actor.userId,
      action,
      targetType: "course",
      targetId: courseId,
      detail,
      ip: from.ip,
    },
    ctx.now,
  );
}

/**
 * The latest published version as a SCORM 1.2 zip, its export recorded. The options are the export
 * form's fields as sent (`score` a checkbox), checked here so a forged value is a clear refusal.
 */
export function exportScorm(ctx: Context, courseId: string, input: { score?: unknown }, from: From) {
  const parsed = scormOptionsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError(parsed.error.issues[0]?.message ?? "Those export options are not valid.");
  const options = parsed.data;
  const course = courseToExport(ctx, courseId);
  const bytes = scormPackage(course, { reportScore: options.score });
  audit(ctx, course.courseId, "course.scorm_exported", { version: course.version, score: options.score }, from);
  return { fileName: packageFileName(course.title, course.version, "scorm12.zip"), bytes };
}

/**
 * The latest published version as a cmi5 zip, its export recorded. Activity ids are under the app's
 * origin, as in its own xAPI statements, so an LRS sees one module whichever way it was taken.
 */
export function exportCmi5(ctx: Context, courseId: string, from: From & { origin: string }) {
  const course = courseToExport(ctx, courseId);
  const bytes = cmi5Package(course, from.origin);
  audit(ctx, course.courseId, "course.cmi5_exported", { version: course.version }, from);
  return { fileName: packageFileName(course.title, course.version, "cmi5.zip"), bytes };
}

/** The latest published version's modules as Markdown content files in a zip, its export recorded. */
export function exportMarkdown(ctx: Context, courseId: string, from: From) {
  const course = courseToExport(ctx, courseId);
  const bytes = markdownPackage(course);
  audit(ctx, course.courseId, "course.markdown_exported", { version: course.version }, from);
  return { fileName: packageFileName(course.title, course.version, "content.zip"), bytes };
}

/** What the course page says about exporting: whether it can now (and why not), and the files' names. */
export function exportChoices(ctx: Context, courseId: string) {
  const summary = exportSummary(ctx, courseId);
  if (summary.refusal) return { refusal: summary.refusal, files: null };
  return {
    refusal: null,
    files: {
      scorm: packageFileName(summary.title, summary.version, "scorm12.zip"),
      cmi5: packageFileName(summary.title, summary.version, "cmi5.zip"),
      markdown: packageFileName(summary.title, summary.version, "content.zip"),
      renamed: fileSlug(summary.title) === "",
      nationalSupport: summary.nationalDefaults,
    },
  };
}
