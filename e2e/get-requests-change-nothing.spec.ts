/**
 * Reading changes nothing (ADR 14): every link and GET form that an admin, a facilitator, a
 * co-designer, a trainer and two learners can reach is requested, and every table is compared row by
 * row before and after. Only the derived caches the ADR declares may differ.
 */
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO, logIn } from "./support/people";
import { addCollaborator, goToTab, PEOPLE, typeAndSave, waitForEditor } from "./support/workshop";

/** Tables a GET may write, because they only catch up with what is stored (ADR 14). */
const DERIVED_CACHES = new Set(["module_facts"]);
/** Columns a GET may touch in other tables. */
const TOUCHED_COLUMNS: Record<string, string[]> = { sessions: ["last_seen_at"] };
/** Reads of people's data recorded in the audit log, as ADR 3 requires. */
const AUDITED_READS = /^cohort\.(progress|xapi)_exported$/;

/** Every kind of page is visited, up to this many of each (the ids differ, the page is the same). */
const PER_KIND = 10;
const MAX_PER_PERSON = 500;

type Dump = Map<string, string[]>;

function dumpTables(databasePath: string): Dump {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
      )
      .pluck()
      .all() as string[];
    // Full-text indexes (and the shadow tables FTS5 keeps them in, some without a rowid) are derived
    // from content tables that are dumped here, so any change to them shows there.
    const virtual = db
      .prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'")
      .pluck()
      .all() as string[];
    const derived = (table: string) => virtual.some((name) => table === name || table.startsWith(`${name}_`));
    const dump: Dump = new Map();
    for (const table of tables.filter((t) => !derived(t))) {
      const skipped = TOUCHED_COLUMNS[table] ?? [];
      const rows = db.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
      dump.set(
        table,
        rows.map((row) =>
          JSON.stringify(
            Object.entries(row)
              .filter(([column]) => !skipped.includes(column))
              .map(([column, value]) => [column, Buffer.isBuffer(value) ? value.toString("hex") : value]),
          ),
        ),
      );
    }
    return dump;
  } finally {
    db.close();
  }
}

/** The kind of page an address is: its path with ids replaced, and the names of its query. */
function kindOf(url: URL): string {
  const path = url.pathname.replace(/[A-Za-z0-9_-]{22}/g, ":id").replace(/\/\d+(?=\/|$)/g, "/:n");
  return `${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

/** Links and the addresses GET forms lead to with what they hold, read from a page's HTML in the browser. */
async function addressesIn(page: Page, html: string, base: string): Promise<string[]> {
  return page.evaluate(
    ([source, baseURL]) => {
      const doc = new DOMParser().parseFromString(source, "text/html");
      const found: string[] = [];
      for (const a of Array.from(doc.querySelectorAll("a[href]"))) {
        found.push(new URL(a.getAttribute("href") ?? "", baseURL).href);
      }
      for (const form of Array.from(doc.querySelectorAll("form"))) {
        if ((form.getAttribute("method") ?? "get").toLowerCase() !== "get") continue;
        const target = new URL(form.getAttribute("action") ?? baseURL, baseURL);
        const data = new FormData(form);
        target.search = new URLSearchParams(
          Array.from(data.entries()).map(([k, v]) => [k, String(v)] as [string, string]),
        ).toString();
        found.push(target.href);
      }
      return found;
    },
    [html, base] as const,
  );
}

/** Follows every same-site link and GET form from the start page, breadth first; returns what it asked for. */
async function sweep(page: Page, origin: string): Promise<{ visited: string[]; problems: string[] }> {
  const queue = [new URL(page.url()).href];
  const seen = new Set(queue);
  const perKind = new Map<string, number>();
  const visited: string[] = [];
  const problems: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PER_PERSON) {
    const address = queue.shift() as string;
    const response = await page.context().request.get(address, { failOnStatusCode: false });
    visited.push(address);
    if (response.status() >= 500) problems.push(`${response.status()} ${address}`);
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    for (const found of await addressesIn(page, await response.text(), response.url())) {
      const url = new URL(found);
      url.hash = "";
      if (url.origin !== origin || url.pathname.startsWith("/build/") || url.pathname === "/collab") continue;
      const kind = kindOf(url);
      const count = perKind.get(kind) ?? 0;
      if (seen.has(url.href) || count >= PER_KIND) continue;
      seen.add(url.href);
      perKind.set(kind, count + 1);
      queue.push(url.href);
    }
  }
  return { visited, problems };
}

function differences(before: Dump, after: Dump): string[] {
  const found: string[] = [];
  for (const [table, rows] of after) {
    if (DERIVED_CACHES.has(table)) continue;
    const old = before.get(table) ?? [];
    const added = rows.filter((row) => !old.includes(row));
    const removed = old.filter((row) => !rows.includes(row));
    const unexpected =
      table === "audit_events"
        ? added.filter((row) => !AUDITED_READS.test(String(new Map(JSON.parse(row)).get("action"))))
        : added;
    if (unexpected.length > 0 || removed.length > 0) {
      found.push(
        `${table}: ${unexpected.length} rows added or changed, ${removed.length} removed or changed\n  ${[...unexpected, ...removed].slice(0, 3).join("\n  ")}`,
      );
    }
  }
  return found;
}

test("GET requests over every page six people can reach change nothing but the declared derived caches", async ({
  startServer,
  newPage,
}) => {
  test.setTimeout(600_000);
  const server = await startServer();

  // Fran writes in a module first, so the update log holds someone's work for every page that reads it.
  const fran = await newPage({ baseURL: server.baseURL });
  await logIn(fran, DEMO.facilitator);
  await fran.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshop" }).click();
  await expect(fran.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await checkPage(fran);
  await fran.getByRole("main").getByRole("listitem").first().getByRole("heading").getByRole("link").click();
  await waitForEditor(fran);
  await checkPage(fran);
  await typeAndSave(fran, " A sentence Fran adds before the sweep.");
  // Jordan joins the module, and a snapshot gives History something to show and compare.
  await addCollaborator(fran, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(fran, "History");
  await fran.getByRole("textbox", { name: "Name" }).fill("Before the sweep");
  await fran.getByRole("button", { name: "Take snapshot" }).click();
  await expect(fran.getByRole("link", { name: "Before the sweep" })).toBeVisible();
  await checkPage(fran);
  // Leaving the editor lets the server store and compact the document, which is not a GET's doing.
  await fran.context().close();
  await expect
    .poll(() => {
      const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare(
            "select count(*) from module_doc_updates u join module_docs d on d.module_id = u.module_id where u.id > d.compacted_through",
          )
          .pluck()
          .get();
      } finally {
        db.close();
      }
    })
    .toBe(0);

  const people = [DEMO.admin, DEMO.facilitator, DEMO.coDesigner, DEMO.trainer, DEMO.learner, "learner2@example.org"];
  const pages: Page[] = [];
  for (const email of people) {
    const page = await newPage({ baseURL: server.baseURL });
    await logIn(page, email);
    pages.push(page);
  }

  const before = dumpTables(server.databasePath);
  const report: string[] = [];
  for (const [i, page] of pages.entries()) {
    const { visited, problems } = await sweep(page, server.baseURL);
    report.push(`${people[i]}: ${visited.length} GETs`);
    expect(problems, `server errors for ${people[i]}`).toEqual([]);
    expect(visited.length, `pages reached by ${people[i]}`).toBeGreaterThan(4);
  }
  const after = dumpTables(server.databasePath);

  test.info().annotations.push({ type: "sweep", description: report.join("; ") });
  expect(differences(before, after)).toEqual([]);
});
