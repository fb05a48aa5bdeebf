import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortInvitees, emailOutbox, invitations } from "../../db/schema";
import { contextFor } from "../auth/context";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { acceptedRowsCsv, type CsvResult, type CsvRow, parseLearnerCsv } from "./csv";
import { importLearnerList, previewLearnerList } from "./invite";
import { cohortInviteeList, cohortMemberList, createCohort } from "./service";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The rows of a result that must have parsed; a failed parse fails the test with its message. */
function rowsOf(result: CsvResult): CsvRow[] {
  if (!result.ok) throw new Error(`expected the file to be read, got: ${result.message}`);
  return result.rows;
}

function messageOf(result: CsvResult): string {
  if (result.ok) throw new Error("expected the file to be refused");
  return result.message;
}

describe("parseLearnerCsv", () => {
  it("reads name and email columns in any order and any letter case", () => {
    const rows = rowsOf(parseLearnerCsv(utf8("EMAIL,Team,NaMe\r\nann@example.org,North,Ann Jones\r\n")));
    expect(rows).toEqual([{ line: 2, name: "Ann Jones", email: "ann@example.org", problem: null }]);
  });

  it("trims cells and stores emails in lower case", () => {
    const rows = rowsOf(parseLearnerCsv(utf8(" Name , Email \n  Ben Ode  ,  Ben.Ode@Example.ORG \n")));
    expect(rows).toEqual([{ line: 2, name: "Ben Ode", email: "ben.ode@example.org", problem: null }]);
  });

  it("reads a file that starts with a byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("name,email\nCat Lee,cat@example.org\n")]);
    const rows = rowsOf(parseLearnerCsv(bytes));
    expect(rows).toEqual([{ line: 2, name: "Cat Lee", email: "cat@example.org", problem: null }]);
  });

  it("keeps accented names written in UTF-8", () => {
    const rows = rowsOf(parseLearnerCsv(utf8("name,email\nRené Côté,rene@example.org\n")));
    expect(rows[0]?.name).toBe("René Côté");
  });

  it("says how to fix a file that is not UTF-8", () => {
    // "René" saved as Latin-1: 0xE9 alone is not valid UTF-8.
    const latin1 = new Uint8Array([...utf8("name,email\nRen"), 0xe9, ...utf8(",rene@example.org\n")]);
    expect(messageOf(parseLearnerCsv(latin1))).toBe(
      "This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it again.",
    );
  });

  it("refuses a UTF-16 file with the same advice", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."name,email"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(messageOf(parseLearnerCsv(utf16))).toMatch(/not UTF-8 text/);
  });

  it("names the email column when only it is missing", () => {
    expect(messageOf(parseLearnerCsv(utf8("name,phone\nAnn,0123\n")))).toBe(
      "The first row must name the columns. The email column is missing.",
    );
  });

  it("names the name column when only it is missing", () => {
    expect(messageOf(parseLearnerCsv(utf8("Email\nann@example.org\n")))).toBe(
      "The first row must name the columns. The name column is missing.",
    );
  });

  it("names both columns when the first row is data rather than a header", () => {
    expect(messageOf(parseLearnerCsv(utf8("Ann,ann@example.org\n")))).toBe(
      "The first row must name the columns. The name and email columns are missing.",
    );
  });

  it("refuses a file with a header but no learners", () => {
    expect(messageOf(parseLearnerCsv(utf8("name,email\n")))).toBe("The file has a header but no learners.");
    // Blank lines after the header are not learners either.
    expect(messageOf(parseLearnerCsv(utf8("name,email\n\n\n")))).toBe("The file has a header but no learners.");
  });

  it("refuses text that is not CSV, with the reason", () => {
    expect(messageOf(parseLearnerCsv(utf8('name,email\n"Ann,ann@example.org\n')))).toMatch(
      /^This file could not be read as CSV \(.+\)\.$/,
    );
  });

  it("keeps a bad row with its line number and a plain problem, and lets the good rows through", () => {
    const rows = rowsOf(
      parseLearnerCsv(
        utf8(
          [
            "name,email",
            "Ann Jones,ann@example.org",
            "Ben Ode,ben at example dot org",
            "Cat Lee,cat@example.org",
            ",dee@example.org",
            "Eve Moss,",
          ].join("\n"),
        ),
      ),
    );
    expect(rows).toEqual([
      { line: 2, name: "Ann Jones", email: "ann@example.org", problem: null },
      {
        line: 3,
        name: "Ben Ode",
        email: "ben at example dot org",
        problem: "Enter an email address like name@example.org.",
      },
      { line: 4, name: "Cat Lee", email: "cat@example.org", problem: null },
      { line: 5, name: "", email: "dee@example.org", problem: "Enter your name." },
      { line: 6, name: "Eve Moss", email: "", problem: "Enter your email address." },
    ]);
  });

  it("treats a row with missing cells as a row with empty ones", () => {
    const rows = rowsOf(parseLearnerCsv(utf8("name,email\nAnn Jones\n")));
    expect(rows).toEqual([{ line: 2, name: "Ann Jones", email: "", problem: "Enter your email address." }]);
  });

  it("refuses a name longer than 100 characters on its row only", () => {
    const long = "A".repeat(101);
    const rows = rowsOf(parseLearnerCsv(utf8(`name,email\n${long},long@example.org\nAnn,ann@example.org\n`)));
    expect(rows.map((r) => r.problem)).toEqual(["Use at most 100 characters.", null]);
  });

  it("points a repeated email, in any letter case, to the line where it first appears", () => {
    const rows = rowsOf(
      parseLearnerCsv(
        utf8("name,email\nAnn Jones,ann@example.org\nBen Ode,ben@example.org\nAnnie Jones,ANN@Example.org\n"),
      ),
    );
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [3, null],
      [4, "This email is already on line 2."],
    ]);
    // The repeated row is shown as it was written, so the trainer can find it in their spreadsheet.
    expect(rows[2]).toMatchObject({ name: "Annie Jones", email: "ANN@Example.org" });
  });

  it("does not let a row with a bad email count as the first of a pair", () => {
    const rows = rowsOf(parseLearnerCsv(utf8("name,email\n,ann@example.org\nAnn Jones,ann@example.org\n")));
    expect(rows.map((r) => r.problem)).toEqual(["Enter your name.", null]);
  });

  it("marks people already in the cohort, whatever the letter case in the file", () => {
    const rows = rowsOf(
      parseLearnerCsv(
        utf8("name,email\nAnn Jones,Ann@Example.org\nBen Ode,ben@example.org\n"),
        new Set(["ann@example.org"]),
      ),
    );
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [2, "Already in this cohort."],
      [3, null],
    ]);
  });

  it("accepts 2,000 learners and refuses 2,001", () => {
    const file = (n: number) =>
      utf8(["name,email", ...Array.from({ length: n }, (_, i) => `Learner ${i},learner${i}@example.org`)].join("\n"));
    const rows = rowsOf(parseLearnerCsv(file(2000)));
    expect(rows).toHaveLength(2000);
    expect(rows.at(-1)).toEqual({ line: 2001, name: "Learner 1999", email: "learner1999@example.org", problem: null });
    expect(messageOf(parseLearnerCsv(file(2001)))).toBe("Upload at most 2000 learners at a time.");
  });

  it("numbers rows by their line in the file, past blank lines and cells that span lines", () => {
    const rows = rowsOf(
      parseLearnerCsv(utf8('name,email\n\nAnn,ann@example.org\n"Bad\nName",nope\n\nAnn again,ANN@example.org\n')),
    );
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [3, null],
      [4, "Enter an email address like name@example.org."],
      [7, "This email is already on line 3."],
    ]);
  });

  it("numbers rows rightly in a file with Windows line endings, after a cell that spans lines", () => {
    const rows = rowsOf(
      parseLearnerCsv(
        utf8(
          'name,email\r\n"Ann\r\nJones",ann@example.org\r\nBen Ode,nope\r\n\r\n"Cat\r\n\r\nLee",cat@example.org\r\nDee Roy,nope\r\n',
        ),
      ),
    );
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [4, "Enter an email address like name@example.org."],
      [6, null],
      [9, "Enter an email address like name@example.org."],
    ]);
  });

  it("numbers rows rightly in a file with old Mac line endings", () => {
    const rows = rowsOf(parseLearnerCsv(utf8('name,email\r"Ann\rJones",ann@example.org\rBen Ode,nope\r')));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("accepts a bare quote inside a cell that is not quoted", () => {
    const rows = rowsOf(
      parseLearnerCsv(utf8('name,email\nBen "Benny" Ode,ben@example.org\nCat 5" Lee,cat@example.org\n')),
    );
    expect(rows).toEqual([
      { line: 2, name: 'Ben "Benny" Ode', email: "ben@example.org", problem: null },
      { line: 3, name: 'Cat 5" Lee', email: "cat@example.org", problem: null },
    ]);
  });

  it("names the line where a quote opens and never closes", () => {
    const file = 'name,email\nAnn,ann@example.org\n\n"Ben Ode,ben@example.org\nCat Lee,cat@example.org\n';
    expect(messageOf(parseLearnerCsv(utf8(file)))).toBe(
      "This file could not be read as CSV (line 4 opens a quote that never closes: add the closing quote, or remove it).",
    );
  });

  it("names the line where text follows a closing quote", () => {
    const file = 'name,email\nAnn,ann@example.org\nBen,"ben"@example.org\n';
    expect(messageOf(parseLearnerCsv(utf8(file)))).toBe(
      "This file could not be read as CSV (line 3 has text right after a closing quote: quote the whole cell, or remove the quotes).",
    );
  });

  it("reads a file separated by semicolons, as spreadsheets in many countries save it", () => {
    const rows = rowsOf(parseLearnerCsv(utf8('Name;Email\nLee, Cat;cat@example.org\n"Ode; Ben";ben@example.org\n')));
    expect(rows).toEqual([
      { line: 2, name: "Lee, Cat", email: "cat@example.org", problem: null },
      { line: 3, name: "Ode; Ben", email: "ben@example.org", problem: null },
    ]);
  });

  it("reads a file separated by tabs", () => {
    const rows = rowsOf(parseLearnerCsv(utf8("email\tname\tteam\r\nann@example.org\tAnn Jones\tNorth\r\n")));
    expect(rows).toEqual([{ line: 2, name: "Ann Jones", email: "ann@example.org", problem: null }]);
  });

  it("says what the first row holds when its columns cannot be told apart", () => {
    expect(messageOf(parseLearnerCsv(utf8("name|email\nAnn|ann@example.org\n")))).toBe(
      "The first row must name the columns. The name and email columns are missing. " +
        "The first row reads “name|email”: separate the columns with commas, semicolons or tabs.",
    );
  });
});

describe("acceptedRowsCsv", () => {
  it("writes only the good rows, and reads back to the same learners", () => {
    const original = rowsOf(
      parseLearnerCsv(
        utf8(
          [
            "Email,Name",
            "ANN@example.org,Ann Jones",
            "not-an-email,Ben Ode",
            '"cat@example.org","Lee, Cat ""Kit"""',
            "ann@example.org,Ann Again",
            "dee@example.org,Dee Roy",
          ].join("\n"),
        ),
        new Set(["dee@example.org"]),
      ),
    );
    const csv = acceptedRowsCsv(original);
    expect(csv).toBe('name,email\nAnn Jones,ann@example.org\n"Lee, Cat ""Kit""",cat@example.org\n');

    const again = rowsOf(parseLearnerCsv(utf8(csv)));
    expect(again).toEqual([
      { line: 2, name: "Ann Jones", email: "ann@example.org", problem: null },
      { line: 3, name: 'Lee, Cat "Kit"', email: "cat@example.org", problem: null },
    ]);
  });

  it("neutralises names a spreadsheet would run as formulas, and reads them back as they were typed", () => {
    const rows = rowsOf(parseLearnerCsv(utf8('name,email\n=SUM(1+2),ann@example.org\n"@Ben, Ode",ben@example.org\n')));
    const csv = acceptedRowsCsv(rows);
    expect(csv).toBe("name,email\n'=SUM(1+2),ann@example.org\n\"'@Ben, Ode\",ben@example.org\n");
    expect(rowsOf(parseLearnerCsv(utf8(csv))).map((r) => r.name)).toEqual(["=SUM(1+2)", "@Ben, Ode"]);
  });

  it("writes just the header when no row passed", () => {
    const rows = rowsOf(parseLearnerCsv(utf8("name,email\nAnn,nope\n")));
    expect(acceptedRowsCsv(rows)).toBe("name,email\n");
  });
});

describe("importing a checked learner list", () => {
  let database: ReturnType<typeof testDatabase>;
  beforeEach(() => {
    database = testDatabase();
  });
  afterEach(() => database.close());

  it("adds members of the organisation at once, invites everyone else, and skips rows with problems", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const sam = org.member(["trainer"], "Sam Taylor");
    const ann = org.member(["co_designer"], "Ann Jones");
    const elsewhere = makeOrganisation(db, "Another Service").member(["learner"], "Zoe Far");
    const cohort = createCohort(contextFor(db, sam.actor), {
      name: "Spring group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
    const file = [
      "name,email",
      `Ann Jones,${ann.user.email.toUpperCase()}`,
      "Ben Ode,ben@example.org",
      "Bad Row,nope",
      `Zoe Far,${elsewhere.user.email}`,
    ].join("\n");
    const trainer = contextFor(db, sam.actor, new Date("2027-01-01T10:00:00Z"));

    const result = importLearnerList(trainer, cohort.id, file, { secret: "test-secret" });

    expect(result.added).toEqual([{ name: "Ann Jones", email: ann.user.email.toLowerCase() }]);
    // Someone with an account in another organisation is invited, never added without their say.
    expect(result.invited.map((i) => i.email)).toEqual(["ben@example.org", elsewhere.user.email.toLowerCase()]);
    // Each is emailed their own invitation, queued with it.
    const emails = db.select().from(emailOutbox).where(eq(emailOutbox.kind, "invitation")).all();
    expect(emails.map((e) => e.toAddress).sort()).toEqual(
      ["ben@example.org", elsewhere.user.email.toLowerCase()].sort(),
    );
    expect(new Set(emails.map((e) => e.params.token)).size).toBe(2);
    expect(emails.every((e) => e.params.cohortName === "Spring group")).toBe(true);
    expect(cohortMemberList(db, org.org.id, cohort.id).map((m) => m.name)).toEqual(["Ann Jones"]);
    expect(cohortInviteeList(db, org.org.id, cohort.id).map((i) => i.name)).toEqual(["Ben Ode", "Zoe Far"]);
    const links = db.select().from(invitations).where(eq(invitations.cohortId, cohort.id)).all();
    // Each invitation is personal: only an account with that row's email can use it.
    expect(links.map((l) => [l.maxUses, l.roles, l.email]).sort()).toEqual(
      [
        [1, ["learner"], "ben@example.org"],
        [1, ["learner"], elsewhere.user.email.toLowerCase()],
      ].sort(),
    );
    expect(db.select().from(cohortInvitees).all()).toHaveLength(2);
  });

  it("marks people already invited, so the same list imported twice invites no one twice", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const sam = org.member(["trainer"], "Sam Taylor");
    const cohort = createCohort(contextFor(db, sam.actor), {
      name: "Spring group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
    const now = new Date("2027-01-01T10:00:00Z");
    const list = "name,email\nBen Ode,ben@example.org\n";
    const parseAgainst = (at: Date) =>
      previewLearnerList(contextFor(db, sam.actor, at), cohort.id, { name: "list.csv", bytes: utf8(list) }).rows;
    const keys = { secret: "test-secret" };

    importLearnerList(contextFor(db, sam.actor, now), cohort.id, list, keys);
    const second = parseAgainst(now);
    expect(second.map((r) => r.problem)).toEqual(["Already invited to this cohort, and not joined yet."]);
    expect(importLearnerList(contextFor(db, sam.actor, now), cohort.id, list, keys).invited).toEqual([]);
    expect(cohortInviteeList(db, org.org.id, cohort.id).map((i) => i.email)).toEqual(["ben@example.org"]);

    // Once the invitation has expired, the person may be invited again.
    const later = new Date("2027-06-01T10:00:00Z");
    expect(parseAgainst(later).map((r) => r.problem)).toEqual([null]);
  });

  it("imports nothing into a cohort of another organisation", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const sam = org.member(["trainer"], "Sam Taylor");
    const theirs = makeOrganisation(db, "Another Service").member(["trainer"], "Their Trainer");
    const cohort = createCohort(contextFor(db, theirs.actor), {
      name: "Their group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
    const list = "name,email\nBen Ode,ben@example.org\n";
    expect(() => importLearnerList(contextFor(db, sam.actor), cohort.id, list, { secret: "test-secret" })).toThrow(
      "could not be found",
    );
    expect(db.select().from(invitations).all()).toHaveLength(0);
  });
});
