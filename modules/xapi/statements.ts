import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { assignments, cohorts } from "../../db/schema";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { type PublishedChecks, publishedChecks } from "./checks";
import { cohortEventRows, type EventRow } from "./events";
import { actorName, registrationId, statementId } from "./ids";
import type { Activity, Statement, StatementKeys } from "./types";
import { checkActivity, choiceResponse, courseActivity, moduleActivity, VERBS, type VerbName } from "./vocabulary";

function chosenIds(answer: string | null): string[] {
  const chosen = answer ? (JSON.parse(answer) as unknown) : [];
  return Array.isArray(chosen) ? chosen.map(String) : [];
}

/** An answer that gives a statement; answers in sections a learner may skip never do. */
const exportedAnswer = (row: EventRow) => row.kind === "answered" && Boolean(row.checkId) && !row.inSkippableSection;

/**
 * The statements of one event: the first event in a module adds "experienced" (whatever it was,
 * so a skip looks like any other start); an answer gives "answered"; completions give "completed",
 * and a course completion "passed" as well. Only the fields below leave: no names, emails, section
 * numbers, skips or reflections.
 */
export function statementsOf(row: EventRow, keys: StatementKeys, checks: PublishedChecks): Statement[] {
  const course = courseActivity(keys.origin, row.courseId, row.courseTitle);
  const module =
    row.moduleId && row.moduleTitle !== null ? moduleActivity(keys.origin, row.moduleId, row.moduleTitle) : null;
  const make = (
    verb: VerbName,
    object: Activity,
    contextActivities: Statement["context"]["contextActivities"] | null,
    result?: Statement["result"],
  ): Statement => ({
    id: statementId(row.enrolmentId, row.eventId, verb),
    actor: { objectType: "Agent", account: { homePage: keys.origin, name: actorName(row.userId, keys.secret) } },
    verb: VERBS[verb],
    object,
    ...(result ? { result } : {}),
    context: {
      registration: registrationId(row.enrolmentId),
      platform: "Alongside",
      language: "en-GB",
      ...(contextActivities ? { contextActivities } : {}),
    },
    timestamp: new Date(row.at).toISOString(),
    version: "1.0.3",
  });

  if (row.kind === "course_completed") {
    return [
      make("completed", course, null, { completion: true }),
      make("passed", course, null, { success: true, completion: true }),
    ];
  }
  if (!module || !row.moduleVersionId) return [];
  const statements: Statement[] = [];
  if (row.firstInModule) statements.push(make("experienced", module, { parent: [course] }));
  if (exportedAnswer(row) && row.checkId) {
    const check = checks.get(row.moduleVersionId)?.get(row.checkId);
    // A check's direct parent is its module; the course is the wider grouping it was taken in.
    statements.push(
      make(
        "answered",
        checkActivity(keys.origin, row.moduleVersionId, row.checkId, module.definition.name["en-GB"] ?? "", check),
        { parent: [module], grouping: [course] },
        { success: Boolean(row.correct), response: choiceResponse(chosenIds(row.answer), check) },
      ),
    );
  }
  if (row.kind === "module_completed") {
    statements.push(make("completed", module, { parent: [course] }, { completion: true }));
  }
  return statements;
}

/** The checks a batch of events answers, read once for the whole batch. */
export function checksAnswered(db: DB, rows: EventRow[]): PublishedChecks {
  return publishedChecks(
    db,
    rows.flatMap((r) =>
      exportedAnswer(r) && r.moduleVersionId ? [{ moduleVersionId: r.moduleVersionId, orgId: r.orgId }] : [],
    ),
  );
}

export function buildStatements(rows: EventRow[], keys: StatementKeys, checks: PublishedChecks): Statement[] {
  return rows.flatMap((row) => statementsOf(row, keys, checks));
}

/**
 * A cohort's statements for one of its assignments: its current members' progress in that course.
 * Another organisation's cohort, or an assignment of another cohort, is "not found".
 */
export function cohortStatements(ctx: Context, cohortId: string, assignmentId: string, keys: StatementKeys) {
  const row = ctx.db
    .select({ courseId: assignments.courseId, orgId: cohorts.orgId, name: cohorts.name })
    .from(assignments)
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), eq(cohorts.orgId, ctx.actor.orgId)))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)))
    .get();
  if (!row) throw new NotFoundError("That assignment");
  authorize(ctx.actor, "cohort.manage", row);
  const events = cohortEventRows(ctx.db, ctx.actor.orgId, cohortId, row.courseId);
  return { cohortName: row.name, statements: buildStatements(events, keys, checksAnswered(ctx.db, events)) };
}
