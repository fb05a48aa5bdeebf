import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { everything } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { cohortWithProgress, SENSITIVE_SECTION_TITLE } from "../testing/xapi-cohort";
import { validatorProblems } from "../testing/xapi-validator";
import { checksOfDocument } from "./checks";
import { cohortEventRows, cohortEventsQuery } from "./events";
import { actorName, uuidV5 } from "./ids";
import { cohortStatements, statementsOf } from "./statements";
import type { Statement } from "./types";

/**
 * A checker for the xAPI 1.0.3 requirements (Part Two, "Statement" properties) that apply to the
 * statements Alongside writes; it fails naming the property and the rule broken.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** RFC 5646 language tags, as far as xAPI language maps use them (en-GB, fr, zh-Hant-TW…). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$/;
/** ISO 8601 combined date and time, with a time zone as xAPI requires of "timestamp". */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ADL_VERBS = ["experienced", "answered", "completed", "passed"].map((v) => `http://adlnet.gov/expapi/verbs/${v}`);
const INTERACTION_TYPES = [
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
];
const STATEMENT_KEYS = ["id", "actor", "verb", "object", "result", "context", "timestamp", "version"];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function isIri(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/** An IRL: an IRI that can be fetched, so http or https. */
function isIrl(value: unknown): boolean {
  return isIri(value) && /^https?:$/.test(new URL(value as string).protocol);
}

function expectLanguageMap(map: unknown, where: string) {
  expect(isObject(map), `${where} is a language map`).toBe(true);
  for (const [tag, text] of Object.entries(map as Json)) {
    expect(tag, `${where} key is an RFC 5646 tag`).toMatch(LANGUAGE_TAG);
    expect(typeof text, `${where}.${tag} is a string`).toBe("string");
  }
}

function expectActivity(activity: unknown, where: string) {
  expect(isObject(activity), `${where} is an object`).toBe(true);
  const a = activity as Json;
  if ("objectType" in a) expect(a.objectType, `${where}.objectType`).toBe("Activity");
  expect(isIri(a.id), `${where}.id is an IRI`).toBe(true);
  if (a.definition === undefined) return;
  const d = a.definition as Json;
  if (d.name !== undefined) expectLanguageMap(d.name, `${where}.definition.name`);
  if (d.type !== undefined) expect(isIri(d.type), `${where}.definition.type is an IRI`).toBe(true);
  if (d.interactionType !== undefined) {
    expect(INTERACTION_TYPES, `${where}.definition.interactionType`).toContain(d.interactionType);
    expect(d.type, `${where}: interactions are cmi.interaction`).toBe(
      "http://adlnet.gov/expapi/activities/cmi.interaction",
    );
  }
}

function expectAgent(actor: unknown) {
  expect(isObject(actor), "actor is an object").toBe(true);
  const agent = actor as Json;
  expect(agent.objectType, "actor.objectType").toBe("Agent");
  const identifiers = ["mbox", "mbox_sha1sum", "openid", "account"].filter((k) => k in agent);
  expect(identifiers, "exactly one inverse functional identifier, and it is an account").toEqual(["account"]);
  expect(agent, "no person's name on the actor").not.toHaveProperty("name");
  const account = agent.account as Json;
  expect(Object.keys(account).sort(), "account has homePage and name only").toEqual(["homePage", "name"]);
  expect(isIrl(account.homePage), "account.homePage is an IRL").toBe(true);
  expect(typeof account.name, "account.name is a string").toBe("string");
  expect((account.name as string).length, "account.name is not empty").toBeGreaterThan(0);
}

function expectValidStatement(statement: unknown) {
  expect(isObject(statement), "a statement is an object").toBe(true);
  const s = statement as Json;
  const label = `statement ${JSON.stringify(s)}`;
  for (const key of Object.keys(s)) expect(STATEMENT_KEYS, `${label}: known property`).toContain(key);
  expect(s.id, `${label}: id is a UUID`).toMatch(UUID);
  expectAgent(s.actor);

  const verb = s.verb as Json;
  expect(isIri(verb.id), `${label}: verb.id is an IRI`).toBe(true);
  expect(ADL_VERBS, `${label}: one of the four ADL verbs`).toContain(verb.id);
  expectLanguageMap(verb.display, "verb.display");

  expectActivity(s.object, "object");

  if (s.result !== undefined) {
    const result = s.result as Json;
    if ("success" in result) expect(typeof result.success, "result.success is a boolean").toBe("boolean");
    if ("completion" in result) expect(typeof result.completion, "result.completion is a boolean").toBe("boolean");
    if ("response" in result) expect(typeof result.response, "result.response is a string").toBe("string");
    const definition = (s.object as Json).definition as Json | undefined;
    if (definition?.interactionType === "choice" && typeof result.response === "string" && result.response !== "") {
      // Choice responses are item ids separated by "[,]"; ids have no whitespace.
      for (const id of result.response.split("[,]")) expect(id, "choice response item id").toMatch(/^\S+$/);
    }
  }

  const context = s.context as Json;
  expect(isObject(context), `${label}: context is an object`).toBe(true);
  expect(context.registration, "context.registration is a UUID").toMatch(UUID);
  expect(typeof context.platform, "context.platform is a string").toBe("string");
  expect(context.language, "context.language is an RFC 5646 tag").toMatch(LANGUAGE_TAG);
  if (context.contextActivities !== undefined) {
    const activities = context.contextActivities as Json;
    for (const [key, list] of Object.entries(activities)) {
      expect(["parent", "grouping", "category", "other"], "contextActivities key").toContain(key);
      expect(Array.isArray(list), `contextActivities.${key} is an array`).toBe(true);
      (list as unknown[]).forEach((a, i) => {
        expectActivity(a, `contextActivities.${key}[${i}]`);
      });
    }
  }

  expect(s.timestamp, "timestamp is ISO 8601 with a time zone").toMatch(ISO_8601);
  expect(Number.isNaN(Date.parse(s.timestamp as string)), "timestamp parses").toBe(false);
  expect(s.version, "version").toBe("1.0.3");
}

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const KEYS = { origin: "https://alongside.example.org", secret: "a-session-secret-that-is-long-enough-0123" };

function exported() {
  const fixture = cohortWithProgress(database.db);
  const { statements } = cohortStatements(
    contextFor(database.db, fixture.sam.actor),
    fixture.cohort.id,
    fixture.assignment.id,
    KEYS,
  );
  const byPerson = (person: { user: { id: string } }) => {
    const name = actorName(person.user.id, KEYS.secret);
    return statements.filter((s) => s.actor.account.name === name);
  };
  return { fixture, statements, byPerson };
}

/** What a statement says, without who and when: for comparing two learners' records. */
const gist = (s: Statement) => ({
  verb: s.verb.id.split("/").at(-1),
  object: s.object.id.replace(KEYS.origin, ""),
  result: s.result,
  parents: s.context.contextActivities?.parent.map((a) => a.id.replace(KEYS.origin, "")),
});

describe("xAPI statements for a cohort assignment", () => {
  it("follow the xAPI 1.0.3 rules, every one of them", () => {
    const { statements } = exported();
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) expectValidStatement(JSON.parse(JSON.stringify(statement)));
  });

  it("pass Learning Locker's validator, every one of them", () => {
    const { statements } = exported();
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.flatMap((s) => validatorProblems(s).map((problem) => `${s.id} ${problem}`))).toEqual([]);
  });

  it("are held to a validator that does report what is wrong", () => {
    const { statements } = exported();
    const answered = statements.find((s) => s.verb.id.endsWith("/answered"));
    const broken = {
      ...answered,
      object: { ...answered?.object, definition: { interactionType: "other", choices: [] } },
    };
    expect(validatorProblems(broken)).toEqual(["statement.object.definition: InvalidComponentsWarning"]);
    expect(validatorProblems({ ...answered, actor: { objectType: "Agent" } })).toEqual([
      "statement.actor: NoIfiWarning",
    ]);
  });

  it("name no one: no names, emails or user ids, only an opaque account stable per person", () => {
    const { fixture, statements, byPerson } = exported();
    const json = JSON.stringify(statements);
    for (const person of Object.values(fixture.learners)) {
      expect(json).not.toContain(person.user.name);
      expect(json).not.toContain(person.user.email);
      expect(json).not.toContain(person.user.id);
    }
    const { ann, bea } = fixture.learners;
    const annNames = new Set(byPerson(ann).map((s) => s.actor.account.name));
    expect(annNames.size).toBe(1);
    expect([...annNames][0]).toMatch(/^[0-9a-f]{64}$/);
    expect(byPerson(bea)[0]?.actor.account.name).not.toBe([...annNames][0]);
    expect(actorName(ann.user.id, "another-secret-that-is-long-enough-012345")).not.toBe([...annNames][0]);
    expect(new Set(statements.map((s) => s.actor.account.homePage))).toEqual(new Set([KEYS.origin]));
  });

  it("map the learner's path to experienced, answered, completed and passed", () => {
    const { fixture, byPerson } = exported();
    const { a, b } = fixture.modules;
    const course = `/xapi/activities/course/${fixture.course.id}`;
    const check = `/xapi/activities/check/${a.versionId}/kc-plain`;
    expect(byPerson(fixture.learners.ann).map(gist)).toEqual([
      { verb: "experienced", object: `/xapi/activities/module/${a.moduleId}`, result: undefined, parents: [course] },
      {
        verb: "answered",
        object: check,
        result: { success: false, response: "kc-plain-wrong" },
        parents: [`/xapi/activities/module/${a.moduleId}`],
      },
      {
        verb: "answered",
        object: check,
        result: { success: true, response: "kc-plain-right" },
        parents: [`/xapi/activities/module/${a.moduleId}`],
      },
      {
        verb: "completed",
        object: `/xapi/activities/module/${a.moduleId}`,
        result: { completion: true },
        parents: [course],
      },
      { verb: "experienced", object: `/xapi/activities/module/${b.moduleId}`, result: undefined, parents: [course] },
      {
        verb: "completed",
        object: `/xapi/activities/module/${b.moduleId}`,
        result: { completion: true },
        parents: [course],
      },
      { verb: "completed", object: course, result: { completion: true }, parents: undefined },
      { verb: "passed", object: course, result: { success: true, completion: true }, parents: undefined },
    ]);
    const answered = byPerson(fixture.learners.ann).find((s) => s.verb.id.endsWith("/answered"));
    expect(answered?.object.definition).toEqual({
      name: { "en-GB": "Knowledge check in Listening well" },
      description: { "en-GB": "Which is right?" },
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: "choice",
      choices: [
        { id: "kc-plain-wrong", description: { "en-GB": "Fix it for them" } },
        { id: "kc-plain-right", description: { "en-GB": "Ask what they need & listen" } },
      ],
      correctResponsesPattern: ["kc-plain-right"],
    });
    expect(answered?.context.contextActivities?.grouping?.map((g) => g.id)).toEqual([`${KEYS.origin}${course}`]);
  });

  it("never show a skipped section: skipping it and reading it (and answering its check) look the same", () => {
    const { fixture, statements, byPerson } = exported();
    const { ann, bea, cal } = fixture.learners;
    expect(byPerson(ann).map(gist)).toEqual(byPerson(bea).map(gist));
    // Cal's only event so far is a skip: it shows as starting the module, nothing more.
    expect(byPerson(cal).map((s) => s.verb.id.split("/").at(-1))).toEqual(["experienced"]);
    const json = JSON.stringify(statements);
    expect(json).not.toContain(SENSITIVE_SECTION_TITLE);
    expect(json).not.toContain("kc-hard");
    expect(json).not.toMatch(/skip|section/i);
  });

  it("cover the cohort's current members only", () => {
    const { fixture, byPerson } = exported();
    const { ann, bea, cal, gus, hal } = fixture.learners;
    for (const person of [ann, bea, cal]) expect(byPerson(person).length).toBeGreaterThan(0);
    for (const person of [gus, hal]) expect(byPerson(person)).toEqual([]);
  });

  it("have name-based (version 5) UUIDs, computed as RFC 4122 does", () => {
    // The RFC's own example: the DNS namespace and "www.example.com".
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
    const { statements } = exported();
    for (const s of statements) expect(s.id[14]).toBe("5");
  });

  it("are deterministic: building twice gives the same statements and ids, and ids are unique", () => {
    const { fixture, statements } = exported();
    const again = cohortStatements(
      contextFor(database.db, fixture.sam.actor),
      fixture.cohort.id,
      fixture.assignment.id,
      KEYS,
    );
    expect(again.statements).toEqual(statements);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    const registrations = new Set(statements.map((s) => s.context.registration));
    expect(registrations.size).toBe(3);
  });

  it("are read with one query on indexes: no scan of progress events or enrolments", () => {
    const fixture = cohortWithProgress(database.db);
    const query = new SQLiteSyncDialect().sqlToQuery(
      cohortEventsQuery(fixture.org.org.id, fixture.cohort.id, fixture.course.id),
    );
    const plan = database.db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as {
      detail: string;
    }[];
    const scans = plan.map((p) => p.detail).filter((d) => /^SCAN (pe|e|earlier|cm)\b/.test(d));
    expect(scans).toEqual([]);
  });
});

describe("knowledge checks as choice interactions", () => {
  it("carry the published check's options and right answer, and a response in the same ids that matches it when right", () => {
    const { fixture, byPerson } = exported();
    const answers = byPerson(fixture.learners.bea).filter((s) => s.verb.id.endsWith("/answered"));
    // Bea's answer in the content-noted section stays out; her two tries at the plain check are there.
    expect(answers.map((s) => s.object.id.split("/").at(-1))).toEqual(["kc-plain", "kc-plain"]);
    for (const s of answers) {
      const ids = s.object.definition.choices?.map((c) => c.id) ?? [];
      expect(s.result?.response?.split("[,]").every((id) => ids.includes(id))).toBe(true);
      expect(s.object.definition.correctResponsesPattern?.includes(s.result?.response ?? "")).toBe(s.result?.success);
    }
    expect(answers.map((s) => s.result?.success)).toEqual([false, true]);
  });

  it("with several right options, have one pattern of them all, and list the chosen ones in the check's order", () => {
    const { fixture } = exported();
    const rows = cohortEventRows(database.db, fixture.org.org.id, fixture.cohort.id, fixture.course.id);
    const answered = rows.find((r) => r.kind === "answered" && !r.inSkippableSection);
    if (!answered?.moduleVersionId) throw new Error("The fixture has an answer in a plain section");
    const checks = new Map([[answered.moduleVersionId, checksOfDocument(everything)]]);
    const row = { ...answered, firstInModule: 0, checkId: "kc-one", answer: JSON.stringify(["o3", "o1"]), correct: 1 };
    const [statement] = statementsOf(row, KEYS, checks);
    expect(statement?.object.definition).toMatchObject({
      description: { "en-GB": "Which of these apply?" },
      choices: [
        { id: "o1", description: { "en-GB": "Listening" } },
        { id: "o2", description: { "en-GB": "Lending money" } },
        { id: "o3", description: { "en-GB": "Signposting" } },
      ],
      correctResponsesPattern: ["o1[,]o3"],
    });
    expect(statement?.result).toEqual({ success: true, response: "o1[,]o3" });
    expect(validatorProblems(statement)).toEqual([]);
  });

  it("read the checks from the published document as the player does: every check, its plain text, none in a scenario", () => {
    const checks = checksOfDocument(everything);
    expect([...checks.keys()]).toEqual(["kc-one", "kc-two"]);
    expect(checks.get("kc-two")).toEqual({
      question: "Single choice?",
      options: [
        { id: "p1", text: "No", correct: false },
        { id: "p2", text: "Yes", correct: true },
      ],
    });
  });
});

describe("who may download them", () => {
  it("a trainer of another organisation gets not found, as does an assignment of another cohort", () => {
    const fixture = cohortWithProgress(database.db);
    const elsewhere = makeOrganisation(database.db, "Another Service").member(["trainer"], "Tom Other");
    expect(() =>
      cohortStatements(contextFor(database.db, elsewhere.actor), fixture.cohort.id, fixture.assignment.id, KEYS),
    ).toThrow(NotFoundError);
    expect(() =>
      cohortStatements(contextFor(database.db, fixture.sam.actor), fixture.cohort.id, fixture.otherAssignment.id, KEYS),
    ).toThrow(NotFoundError);
  });

  it("a learner may not", () => {
    const fixture = cohortWithProgress(database.db);
    expect(() =>
      cohortStatements(
        contextFor(database.db, fixture.learners.ann.actor),
        fixture.cohort.id,
        fixture.assignment.id,
        KEYS,
      ),
    ).toThrow(ForbiddenError);
  });
});
