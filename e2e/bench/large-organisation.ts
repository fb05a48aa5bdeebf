/**
 * Generates a large organisation straight into a fresh SQLite file, for the dashboard benchmark.
 *
 * Content goes through the real services (modules made from the starter documents and published as
 * versions, courses composed and published), so versions, sections and checks are what the app makes.
 * People, cohorts, enrolments and progress are bulk-inserted with prepared statements in transactions,
 * shaped the way the app writes them: progress events in time order (ids follow time, as they do when
 * learners click), one module_progress row per started module, one course_completions row per finished
 * course, and each enrolment's last activity and resume place taken from its last event.
 *
 * Deterministic for a given seed, apart from the random ids and the password hash.
 */
import { performance } from "node:perf_hooks";
import { type Connection, closeDatabase, openDatabase } from "../../db/client";
import { hashPassword, insertUser } from "../../modules/accounts/service";
import { contextFor } from "../../modules/auth/context";
import type { Actor } from "../../modules/auth/policy";
import { createCohort, setCohortFacilitator } from "../../modules/cohorts/service";
import { listStarterModules, STARTER_CREDIT } from "../../modules/content/starter";
import { addCourseModule, createCourse, publishCourse } from "../../modules/courses/service";
import type { DocJSON } from "../../modules/documents/json";
import { findNodes } from "../../modules/documents/sections";
import { actorFor, addMembership, createOrganisation } from "../../modules/organisations/service";
import { versionContent } from "../../modules/publishing/content";
import { createModuleVersion } from "../../modules/publishing/service";
import { newId } from "../../modules/shared/ids";
import { createModule, getModule } from "../../modules/workshop/service";

export type Shape = {
  learners: number;
  cohorts: number;
  bigCohort: number;
  courses: number;
  modulesPerCourse: number;
  coursesPerCohort: number;
  events: number;
  seed: number;
};

export const DEFAULT_SHAPE: Shape = {
  learners: 5_000,
  cohorts: 50,
  bigCohort: 1_000,
  courses: 20,
  modulesPerCourse: 10,
  coursesPerCohort: 5,
  events: 2_000_000,
  seed: 20_261_126,
};

export const TRAINER_EMAIL = "trainer@large.example.org";

export type Generated = {
  orgId: string;
  /** The trainer who logs in to the dashboard. */
  trainerId: string;
  bigCohortId: string;
  bigAssignmentId: string;
  bigCourseId: string;
  password: string;
  counts: Record<string, number>;
  seconds: { total: number; content: number; people: number; progress: number; events: number };
  mixture: { complete: number; inProgress: number; notStarted: number; revisits: number };
};

const DAY = 86_400_000;
const MINUTE = 60_000;

/** mulberry32: a small, fast, seeded generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Aaliyah",
  "Adam",
  "Aisha",
  "Alex",
  "Amir",
  "Ana",
  "Ben",
  "Bethan",
  "Callum",
  "Chloe",
  "Connor",
  "Dan",
  "Dev",
  "Eilidh",
  "Ella",
  "Emeka",
  "Erin",
  "Fatima",
  "Finn",
  "Grace",
  "Hannah",
  "Harvey",
  "Imran",
  "Isla",
  "Jack",
  "Jade",
  "Jas",
  "Kai",
  "Kezia",
  "Leah",
  "Liam",
  "Lucy",
  "Maya",
  "Mo",
  "Niamh",
  "Noah",
  "Olu",
  "Owen",
  "Priya",
  "Rhys",
  "Ruth",
  "Sam",
  "Sian",
  "Tariq",
  "Tom",
  "Usha",
  "Wren",
  "Yusuf",
  "Zara",
  "Zoe",
];
const LAST = [
  "Adams",
  "Ahmed",
  "Ali",
  "Baker",
  "Begum",
  "Bell",
  "Brown",
  "Campbell",
  "Clarke",
  "Davies",
  "Evans",
  "Fraser",
  "Green",
  "Hall",
  "Hughes",
  "Hussain",
  "Jackson",
  "James",
  "Jones",
  "Kaur",
  "Khan",
  "Lewis",
  "Mahmood",
  "Morgan",
  "Murphy",
  "Nowak",
  "Okafor",
  "Owen",
  "Patel",
  "Price",
  "Roberts",
  "Robinson",
  "Scott",
  "Shah",
  "Singh",
  "Smith",
  "Taylor",
  "Thomas",
  "Walker",
  "Watson",
  "White",
  "Williams",
  "Wilson",
  "Wood",
  "Wright",
  "Young",
];
const COURSE_TITLES = [
  "Peer support essentials",
  "Boundaries in practice",
  "Staying well in the role",
  "Working with conflict",
  "Trauma-informed peer support",
  "Supervision and reflective practice",
  "Group facilitation",
  "Supporting people in crisis",
  "Peer support in hospital settings",
  "Online peer support",
  "Peer support for carers",
  "Young people's peer support",
  "Recovery and hope",
  "Lived experience leadership",
  "Safeguarding for peer supporters",
  "Working alongside clinical teams",
  "Peer support in the community",
  "Mentoring new peer supporters",
  "Refresher: the essentials",
  "Peer support in housing services",
];

type CheckShape = { id: string; right: string; wrong: string };
type SectionShape = { index: number; checks: CheckShape[] };
type VersionShape = { id: string; moduleId: string; sections: SectionShape[] };
type CourseShape = { id: string; versionId: string; modules: VersionShape[] };

/** The sections of a starter document and, for each of its checks, a right and a wrong answer. */
function sectionsOf(doc: DocJSON): SectionShape[] {
  const content = versionContent(doc);
  const answers = new Map(
    findNodes(content.doc, "knowledgeCheck").map((check) => {
      const options = (check.content ?? []).filter((o) => o.type === "checkOption");
      const right = options.filter((o) => o.attrs?.correct).map((o) => String(o.attrs?.id));
      const wrong = options.filter((o) => !o.attrs?.correct).map((o) => String(o.attrs?.id));
      return [String(check.attrs?.id), { right: JSON.stringify(right), wrong: JSON.stringify(wrong.slice(0, 1)) }];
    }),
  );
  return content.sections.map((s) => ({
    index: s.index,
    checks: s.checks.map((id) => ({ id, ...(answers.get(id) ?? { right: "[]", wrong: "[]" }) })),
  }));
}

/** Growable columns for the progress events, so two million of them fit in a few tens of MB. */
class EventColumns {
  length = 0;
  enrolment = new Int32Array(1 << 16);
  version = new Int32Array(1 << 16);
  kind = new Uint8Array(1 << 16);
  section = new Int16Array(1 << 16);
  check = new Int32Array(1 << 16);
  correct = new Int8Array(1 << 16);
  at = new Float64Array(1 << 16);

  push(enrolment: number, version: number, kind: number, section: number, check: number, correct: number, at: number) {
    if (this.length === this.at.length) this.grow();
    const i = this.length++;
    this.enrolment[i] = enrolment;
    this.version[i] = version;
    this.kind[i] = kind;
    this.section[i] = section;
    this.check[i] = check;
    this.correct[i] = correct;
    this.at[i] = at;
  }

  private grow() {
    const size = this.at.length * 2;
    const copy = <T extends Int32Array | Uint8Array | Int16Array | Int8Array | Float64Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.enrolment = copy(this.enrolment, new Int32Array(size));
    this.version = copy(this.version, new Int32Array(size));
    this.kind = copy(this.kind, new Uint8Array(size));
    this.section = copy(this.section, new Int16Array(size));
    this.check = copy(this.check, new Int32Array(size));
    this.correct = copy(this.correct, new Int8Array(size));
    this.at = copy(this.at, new Float64Array(size));
  }
}

const KINDS = ["viewed", "skipped", "answered", "module_completed", "course_completed"] as const;
const [VIEWED, SKIPPED, ANSWERED, MODULE_COMPLETED, COURSE_COMPLETED] = [0, 1, 2, 3, 4];

type EnrolmentRow = {
  id: string;
  userId: string;
  course: CourseShape;
  source: "self" | "assignment";
  createdAt: number;
  lastAt: number;
  resumeVersion: number;
  resumeSection: number;
  /** Versions (global index) of the modules the learner started, for re-reading later. */
  started: number[];
};

export async function generateLargeOrganisation(
  databasePath: string,
  shape: Shape = DEFAULT_SHAPE,
  log: (line: string) => void = console.log,
): Promise<Generated> {
  const began = performance.now();
  const rand = random(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const between = (low: number, high: number) => low + rand() * (high - low);
  const now = Date.now();

  const password = "bench-organisation-password";
  // One (slow, memory-hard) hash for every account, as the demo seed does.
  const hash = await hashPassword(password);

  const db: Connection = openDatabase(databasePath);
  const sqlite = db.$client;
  // A throwaway file being filled in one go: no journal and no fsync until it is complete.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("temp_store = MEMORY");

  // --- The organisation, its staff, its content -------------------------------------------------
  const contentStart = performance.now();
  const created = new Date(now - 400 * DAY);
  const staff = db.transaction((tx) => {
    const admin = insertUser(tx, { name: "Morgan Reid", email: "admin@large.example.org" }, hash, created);
    const org = createOrganisation(tx, "Large Peer Support Network", admin.id, created, "large-peer-support");
    const facilitator = insertUser(tx, { name: "Fran Okafor", email: "facilitator@large.example.org" }, hash, created);
    const trainer = insertUser(tx, { name: "Sam Price", email: TRAINER_EMAIL }, hash, created);
    addMembership(tx, org.id, facilitator.id, ["facilitator"], created);
    addMembership(tx, org.id, trainer.id, ["trainer"], created);
    return { org, facilitator, trainer };
  });
  const trainer = actorFor(db, staff.org.id, staff.trainer.id) as Actor;

  const starters = listStarterModules().map((m) => ({ ...m, sections: sectionsOf(m.doc) }));
  const versions: VersionShape[] = [];
  const courses: CourseShape[] = [];
  db.transaction((tx) => {
    for (let c = 0; c < shape.courses; c += 1) {
      const title = COURSE_TITLES[c % COURSE_TITLES.length] ?? `Course ${c + 1}`;
      const at = new Date(created.getTime() + (c + 1) * DAY);
      const modules: VersionShape[] = [];
      for (let m = 0; m < shape.modulesPerCourse; m += 1) {
        const starter = starters[(c * shape.modulesPerCourse + m) % starters.length];
        if (!starter) throw new Error("there are no starter modules");
        const { id } = createModule(
          tx,
          {
            ...starter.details,
            title: `${starter.details.title} (${title}, part ${m + 1})`,
            orgId: staff.org.id,
            createdBy: staff.facilitator.id,
            doc: starter.doc,
            originCredit: STARTER_CREDIT,
          },
          at,
        );
        const module = getModule(tx, id);
        if (!module) throw new Error("a generated module is missing");
        const version = createModuleVersion(
          tx,
          { module, doc: starter.doc, changelog: "First version.", publishedBy: staff.facilitator.id },
          at,
        );
        const shaped = { id: version.id, moduleId: id, sections: starter.sections };
        versions.push(shaped);
        modules.push(shaped);
      }
      const ctx = contextFor(tx, trainer, at);
      const course = createCourse(ctx, {
        title,
        description: `${title}: a course of ${shape.modulesPerCourse} modules.`,
        openToAll: c % 7 === 3,
      });
      for (const m of modules) addCourseModule(ctx, course.id, m.moduleId);
      const published = publishCourse(ctx, course.id, "First version.");
      courses.push({ id: course.id, versionId: published.id, modules });
    }
  });
  const versionIndex = new Map(versions.map((v, i) => [v.id, i]));
  const contentSeconds = (performance.now() - contentStart) / 1000;
  log(`  content: ${versions.length} published modules in ${courses.length} courses (${contentSeconds.toFixed(1)} s)`);

  // --- People and cohorts ----------------------------------------------------------------------
  const peopleStart = performance.now();
  const insertUserRow = sqlite.prepare(
    "insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)",
  );
  const insertMembership = sqlite.prepare(
    "insert into memberships (id, org_id, user_id, created_at) values (?, ?, ?, ?)",
  );
  const insertRole = sqlite.prepare(
    "insert into membership_roles (membership_id, org_id, role) values (?, ?, 'learner')",
  );
  const insertMember = sqlite.prepare(
    "insert into cohort_members (cohort_id, user_id, added_at, removed_at) values (?, ?, ?, ?)",
  );
  const insertAssignment = sqlite.prepare(
    "insert into assignments (id, cohort_id, course_id, course_version_id, due_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const learners: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < shape.learners; i += 1) {
      const id = newId();
      const first = pick(FIRST);
      const last = pick(LAST);
      const joined = created.getTime() + between(0, 300) * DAY;
      insertUserRow.run(id, `${first}.${last}.${i + 1}@example.org`.toLowerCase(), `${first} ${last}`, hash, joined);
      const membership = newId();
      insertMembership.run(membership, staff.org.id, id, joined);
      insertRole.run(membership, staff.org.id);
      learners.push(id);
    }
  })();

  // Cohort 0 is the big one; the other learners are shared out over the rest.
  const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
  const cohortMembers: string[][] = [learners.slice(0, shape.bigCohort)];
  const rest = learners.slice(shape.bigCohort);
  const others = Math.max(1, shape.cohorts - 1);
  for (let c = 0; c < others; c += 1) {
    cohortMembers.push(
      rest.slice(Math.floor((c * rest.length) / others), Math.floor(((c + 1) * rest.length) / others)),
    );
  }
  type Assigned = { id: string; cohortId: string; course: CourseShape; at: number };
  const assigned: Assigned[] = [];
  const cohortIds: string[] = [];
  db.transaction((tx) => {
    for (let c = 0; c < cohortMembers.length; c += 1) {
      const startsAt = c === 0 ? now - 90 * DAY : now - between(60, 360) * DAY;
      const ends = c === 0 ? null : isoDay(startsAt + 150 * DAY);
      const ctx = contextFor(tx, trainer, new Date(startsAt));
      const { id } = createCohort(ctx, {
        name: c === 0 ? "Regional peer supporters 2026" : `Cohort ${String(c + 1).padStart(2, "0")}`,
        description: "",
        startsOn: isoDay(startsAt),
        endsOn: ends,
      });
      cohortIds.push(id);
      setCohortFacilitator(ctx, id, staff.facilitator.id, "I have been a peer supporter for six years.");
      for (const userId of cohortMembers[c] ?? []) insertMember.run(id, userId, startsAt, null);
      // The big cohort's first assignment (the one its dashboard opens on) is the first course.
      for (let k = 0; k < shape.coursesPerCohort; k += 1) {
        const course = courses[(c + k * 3) % courses.length];
        if (!course) continue;
        const at = startsAt + k * 7 * DAY;
        const assignment = { id: newId(), cohortId: id, course, at };
        insertAssignment.run(
          assignment.id,
          id,
          course.id,
          course.versionId,
          isoDay(at + 60 * DAY),
          staff.trainer.id,
          at,
        );
        assigned.push(assignment);
      }
    }
    // A few people moved on from the big cohort: they stay members of the organisation, not of the cohort.
    for (const userId of (cohortMembers[1] ?? []).slice(0, 20)) {
      insertMember.run(cohortIds[0], userId, now - 80 * DAY, now - 30 * DAY);
    }
  });
  const peopleSeconds = (performance.now() - peopleStart) / 1000;
  log(`  people: ${learners.length} learners in ${cohortIds.length} cohorts (${peopleSeconds.toFixed(1)} s)`);

  // --- Enrolments and what each learner did ----------------------------------------------------
  const progressStart = performance.now();
  const enrolmentRows: EnrolmentRow[] = [];
  const enrolled = new Set<string>();
  const events = new EventColumns();
  const checks: CheckShape[] = [];
  const checkIndex = new Map<CheckShape, number>();
  const checkOf = (check: CheckShape) => {
    let index = checkIndex.get(check);
    if (index === undefined) {
      index = checks.push(check) - 1;
      checkIndex.set(check, index);
    }
    return index;
  };
  type ProgressRow = {
    enrolment: number;
    moduleId: string;
    version: string;
    startedAt: number;
    completedAt: number | null;
  };
  const moduleProgress: ProgressRow[] = [];
  const completions: { enrolment: number; versionId: string; at: number }[] = [];
  const mixture = { complete: 0, inProgress: 0, notStarted: 0, revisits: 0 };

  /** Works through a module from `t`; returns the time after it, or null when the learner stopped part-way. */
  const takeModule = (e: number, row: EnrolmentRow, module: VersionShape, t0: number, finish: boolean) => {
    const v = versionIndex.get(module.id) ?? -1;
    const stopAfter = finish ? module.sections.length : 1 + Math.floor(rand() * (module.sections.length - 1));
    let t = t0;
    for (const section of module.sections.slice(0, stopAfter)) {
      // Skipping for now never blocks completion; a skipped section's checks are not asked.
      if (rand() < (finish ? 0.05 : 0.12)) {
        events.push(e, v, SKIPPED, section.index, -1, -1, t);
      } else {
        for (const check of section.checks) {
          if (rand() < 0.3) {
            events.push(e, v, ANSWERED, section.index, checkOf(check), 0, t);
            t += between(0.2, 2) * MINUTE;
          }
          events.push(e, v, ANSWERED, section.index, checkOf(check), 1, t);
          t += between(0.2, 2) * MINUTE;
        }
        events.push(e, v, VIEWED, section.index, -1, -1, t);
      }
      row.resumeVersion = v;
      row.resumeSection = section.index;
      row.lastAt = t;
      t += between(2, 9) * MINUTE;
    }
    row.started.push(v);
    moduleProgress.push({
      enrolment: e,
      moduleId: module.moduleId,
      version: module.id,
      startedAt: t0,
      completedAt: finish ? row.lastAt : null,
    });
    if (finish) events.push(e, v, MODULE_COMPLETED, -1, -1, -1, row.lastAt);
    return t;
  };

  const enrolOne = (userId: string, course: CourseShape, source: "self" | "assignment", from: number) => {
    const key = `${userId}:${course.id}`;
    if (enrolled.has(key)) return;
    enrolled.add(key);
    const e = enrolmentRows.length;
    const row: EnrolmentRow = {
      id: newId(),
      userId,
      course,
      source,
      createdAt: from,
      lastAt: from,
      resumeVersion: -1,
      resumeSection: -1,
      started: [],
    };
    enrolmentRows.push(row);
    const roll = rand();
    if (roll < 0.2) {
      mixture.notStarted += 1;
      return;
    }
    const finishAll = roll >= 0.5;
    const modules = course.modules;
    const completeModules = finishAll ? modules.length : Math.floor(rand() * modules.length);
    const partial = !finishAll && (completeModules === 0 || rand() < 0.7);
    // Spread the work over the time there was, up to a few days between modules.
    const span = Math.max(DAY, now - from - 2 * 60 * MINUTE);
    const gap = Math.min(5 * DAY, span / (modules.length + 2));
    let t = from + between(0, Math.min(10 * DAY, gap));
    for (let m = 0; m < completeModules; m += 1) {
      const module = modules[m];
      if (module) t = takeModule(e, row, module, t, true) + between(0.1, 1) * gap;
    }
    const next = modules[completeModules];
    if (partial && next) takeModule(e, row, next, t, false);
    if (finishAll) {
      events.push(e, versionIndex.get(modules[0]?.id ?? "") ?? -1, COURSE_COMPLETED, -1, -1, -1, row.lastAt);
      completions.push({ enrolment: e, versionId: course.versionId, at: row.lastAt });
      mixture.complete += 1;
    } else {
      mixture.inProgress += 1;
    }
  };

  for (const a of assigned) {
    const members = cohortMembers[cohortIds.indexOf(a.cohortId)] ?? [];
    for (const userId of members) enrolOne(userId, a.course, "assignment", a.at + between(0, 3) * DAY);
  }
  // Some people also take a course open to everyone on their own.
  const open = courses.filter((_, c) => c % 7 === 3);
  for (const userId of learners) {
    if (open.length > 0 && rand() < 0.15) enrolOne(userId, pick(open), "self", now - between(5, 200) * DAY);
  }
  if (events.length > shape.events) {
    throw new Error(
      `The generated learning already has ${events.length} progress events, more than the ${shape.events} asked for: lower coursesPerCohort.`,
    );
  }
  // The rest of the events: people going back to re-read sections of modules they had started.
  const returning = enrolmentRows.map((row, e) => ({ row, e })).filter(({ row }) => row.started.length > 0);
  while (events.length < shape.events && returning.length > 0) {
    const at = Math.floor(rand() * returning.length);
    const entry = returning[at];
    if (!entry) break;
    const { row, e } = entry;
    const room = now - MINUTE - row.lastAt;
    if (room < MINUTE) {
      // Nothing more can have happened since: this learner's last activity is now.
      returning[at] = returning[returning.length - 1] ?? entry;
      returning.pop();
      continue;
    }
    const v = pick(row.started);
    const section = pick(versions[v]?.sections ?? []).index;
    const t = row.lastAt + between(0.05, 1) * Math.min(7 * DAY, room);
    events.push(e, v, VIEWED, section, -1, -1, t);
    row.lastAt = t;
    row.resumeVersion = v;
    row.resumeSection = section;
    mixture.revisits += 1;
  }
  if (events.length < shape.events) log(`  (only ${events.length} progress events could be made)`);

  const insertEnrolment = sqlite.prepare(
    "insert into enrolments (id, org_id, user_id, course_id, course_version_id, source, resume_module_version_id, resume_section, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertProgress = sqlite.prepare(
    "insert into module_progress (enrolment_id, module_id, module_version_id, started_at, completed_at) values (?, ?, ?, ?, ?)",
  );
  const insertCompletion = sqlite.prepare(
    "insert into course_completions (enrolment_id, course_version_id, completed_at) values (?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (const row of enrolmentRows) {
      insertEnrolment.run(
        row.id,
        staff.org.id,
        row.userId,
        row.course.id,
        row.course.versionId,
        row.source,
        row.resumeVersion >= 0 ? versions[row.resumeVersion]?.id : null,
        row.resumeSection >= 0 ? row.resumeSection : null,
        row.createdAt,
        row.lastAt,
      );
    }
    for (const p of moduleProgress) {
      insertProgress.run(enrolmentRows[p.enrolment]?.id, p.moduleId, p.version, p.startedAt, p.completedAt);
    }
    for (const c of completions) insertCompletion.run(enrolmentRows[c.enrolment]?.id, c.versionId, c.at);
  })();
  const progressSeconds = (performance.now() - progressStart) / 1000;
  log(
    `  learning: ${enrolmentRows.length} enrolments, ${moduleProgress.length} module progress rows, ${completions.length} completions (${progressSeconds.toFixed(1)} s)`,
  );

  // --- Progress events, in the order they happened ---------------------------------------------
  const eventsStart = performance.now();
  const order = new Uint32Array(events.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  order.sort((a, b) => (events.at[a] ?? 0) - (events.at[b] ?? 0));
  const insertEvent = sqlite.prepare(
    "insert into progress_events (enrolment_id, module_version_id, kind, section, check_id, correct, answer, at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  // Faster to build the enrolment index once, sorted, than to keep it up to date row by row.
  const indexes = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = 'progress_events' and sql is not null",
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`drop index "${name}"`);
  const BATCH = 100_000;
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let k = from; k < to; k += 1) {
      const i = order[k] ?? 0;
      const check = events.check[i] ?? -1;
      const correct = events.correct[i] ?? -1;
      const checkShape = check >= 0 ? checks[check] : undefined;
      insertEvent.run(
        enrolmentRows[events.enrolment[i] ?? 0]?.id,
        versions[events.version[i] ?? 0]?.id,
        KINDS[events.kind[i] ?? 0],
        (events.section[i] ?? -1) >= 0 ? events.section[i] : null,
        checkShape ? checkShape.id : null,
        correct >= 0 ? correct : null,
        checkShape ? (correct === 1 ? checkShape.right : checkShape.wrong) : null,
        Math.round(events.at[i] ?? 0),
      );
    }
  });
  for (let from = 0; from < order.length; from += BATCH) {
    insertBatch(from, Math.min(order.length, from + BATCH));
    if ((from / BATCH) % 5 === 4) log(`  progress events: ${Math.min(order.length, from + BATCH)} of ${order.length}`);
  }
  for (const { sql } of indexes) sqlite.exec(sql);
  const eventsSeconds = (performance.now() - eventsStart) / 1000;
  log(`  progress events: ${order.length} in time order (${eventsSeconds.toFixed(1)} s)`);

  const bigCohortId = cohortIds[0] ?? "";
  const bigAssignment = assigned.find((a) => a.cohortId === bigCohortId);
  if (!bigAssignment) throw new Error("the big cohort has no assignment");

  const counts: Record<string, number> = {};
  for (const table of [
    "users",
    "memberships",
    "cohorts",
    "cohort_members",
    "assignments",
    "courses",
    "module_versions",
    "enrolments",
    "module_progress",
    "course_completions",
    "progress_events",
  ]) {
    counts[table] = (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  }
  sqlite.pragma("journal_mode = WAL");
  closeDatabase(db);
  return {
    orgId: staff.org.id,
    trainerId: staff.trainer.id,
    bigCohortId,
    bigAssignmentId: bigAssignment.id,
    bigCourseId: bigAssignment.course.id,
    password,
    counts,
    seconds: {
      total: (performance.now() - began) / 1000,
      content: contentSeconds,
      people: peopleSeconds,
      progress: progressSeconds,
      events: eventsSeconds,
    },
    mixture,
  };
}
