/**
 * For states a person cannot reach through the UI within a test (an invitation that expired days ago):
 * the app's own module functions, run against the server's database file while the server keeps
 * running (SQLite in WAL mode lets this second connection write alongside it).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import type { Role } from "../../modules/auth/roles";
import { PROJECT_ROOT } from "./server";

const SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "create-invitation-in-the-past.ts");
const EXPORT_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "export-module.ts");

/**
 * Creates an invitation as if the admin had made it `daysAgo` days ago, lasting `expiresInDays`: with
 * the defaults it expired yesterday. Returns the token for the `/join/<token>` link.
 */
export function createInvitationInThePast(options: {
  databasePath: string;
  sessionSecret: string;
  adminEmail: string;
  roles: Role[];
  daysAgo?: number;
  expiresInDays?: number;
}): string {
  const input = JSON.stringify({ daysAgo: 2, expiresInDays: 1, ...options });
  const token = execFileSync(process.execPath, ["--import", "tsx", SCRIPT, input], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  }).trim();
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) throw new Error(`Unexpected invitation token: ${token}`);
  return token;
}

/**
 * `PRAGMA integrity_check` on a database file, opened read-only beside (or after) the server: "ok"
 * when SQLite finds nothing wrong, otherwise its list of problems.
 */
export function integrityCheck(databasePath: string): string {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join("\n");
  } finally {
    db.close();
  }
}

/**
 * A module as the content file (Markdown with training-block directives) that the app's own
 * `exportModule` writes from what the server has stored: the server's side of a round trip.
 */
export function exportModuleFile(options: { databasePath: string; moduleId: string }): string {
  return execFileSync(process.execPath, ["--import", "tsx", EXPORT_SCRIPT, JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
}

const TWO_ORGANISATIONS_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "two-organisations.ts");

export type TwoOrganisations = {
  learner: { email: string; enrolmentId: string; courseId: string };
  neighbour: { enrolmentId: string };
  other: {
    orgId: string;
    courseId: string;
    enrolmentId: string;
    moduleVersionId: string;
    promptId: string;
    checkId: string;
    optionId: string;
    journalEntryId: string;
    cohortId: string;
  };
};

/**
 * Two learners of the demo organisation on its open course, and a second organisation with its own
 * published course, learner, journal entry and cohort, made with the app's own functions (see the script).
 */
export function twoOrganisations(options: { databasePath: string; adminEmail: string; password: string }) {
  const input = JSON.stringify({ ...options, tag: Math.random().toString(36).slice(2, 10) });
  const out = execFileSync(process.execPath, ["--import", "tsx", TWO_ORGANISATIONS_SCRIPT, input], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as TwoOrganisations;
}

/** The rows of a table, for comparing what a request changed. */
export function tableRows(databasePath: string, table: string): unknown[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`select * from ${table} order by rowid`).all();
  } finally {
    db.close();
  }
}

const ADD_MEMBER_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "add-member.ts");

/** A new member of the demo organisation with these roles (their own, so a test may change them). */
export function addMember(options: { databasePath: string; adminEmail: string; name: string; roles: Role[] }) {
  const out = execFileSync(process.execPath, ["--import", "tsx", ADD_MEMBER_SCRIPT, JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as { email: string; name: string; membershipId: string };
}

const NOTED_COURSE_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "publish-noted-course.ts");

/** A published course in the demo organisation whose one module has a content note on every section. */
export function publishNotedCourse(options: {
  databasePath: string;
  facilitatorEmail: string;
  trainerEmail: string;
  title: string;
}): string {
  return execFileSync(process.execPath, ["--import", "tsx", NOTED_COURSE_SCRIPT, JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  }).trim();
}

const REMINDERS_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "run-reminders.ts");

/** One pass of the due-date reminder job now, as the server's hourly one: what it queued of each kind. */
export function runReminderPass(databasePath: string): { before: number; after: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", REMINDERS_SCRIPT, JSON.stringify({ databasePath })], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as { before: number; after: number };
}

const DIGESTS_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "run-digests.ts");

/** One pass of the daily digest job now, as the server's hourly one, at any hour: how many digests it queued. */
export function runDigestPass(databasePath: string): { sent: number } {
  const options = JSON.stringify({ databasePath });
  const out = execFileSync(process.execPath, ["--import", "tsx", DIGESTS_SCRIPT, options], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as { sent: number };
}

const STORY_COURSE_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "publish-story-course.ts");

/** A course open to every learner whose one module holds a story the storyteller told, in these words. */
export function publishStoryCourse(options: {
  databasePath: string;
  facilitatorEmail: string;
  trainerEmail: string;
  storytellerEmail: string;
  title: string;
  words: string;
}): { moduleId: string; courseId: string } {
  return JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", STORY_COURSE_SCRIPT, JSON.stringify(options)], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    }),
  ) as { moduleId: string; courseId: string };
}

const SELF_CARE_COURSE_SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "publish-self-care-course.ts");

/** A course open to every learner whose one module invites a self-care plan, with this intro. */
export function publishSelfCareCourse(options: {
  databasePath: string;
  facilitatorEmail: string;
  trainerEmail: string;
  title: string;
  intro: string;
}): { moduleId: string; courseId: string } {
  return JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", SELF_CARE_COURSE_SCRIPT, JSON.stringify(options)], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    }),
  ) as { moduleId: string; courseId: string };
}
