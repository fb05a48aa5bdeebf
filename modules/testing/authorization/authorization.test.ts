import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../auth/context";
import { ForbiddenError, NotFoundError } from "../../shared/errors";
import { testDatabase } from "../database";
import { ROOT } from "../house";
import type { Case } from "./cases";
import { FEATURES } from "./features";
import { buildWorld, KINDS } from "./world";

/**
 * Every entry point of every feature, called as each of nine kinds of person on their own
 * organisation's objects and on another organisation's. Own: the allowed kinds succeed, the others are
 * refused (403, or 404 where they may not even know it exists). Other: always refused, and "not
 * found" for the kinds allowed at home, since the organisation is part of every lookup (an entry point
 * reached by a secret link, such as an invitation's, works with any organisation's). Each call runs
 * in a savepoint that is rolled back, so every call sees the same world.
 */

let database: ReturnType<typeof testDatabase>;
let world: ReturnType<typeof buildWorld>;
beforeAll(() => {
  database = testDatabase();
  world = buildWorld(database.db);
});
afterAll(() => database.close());

/** Runs a call and undoes whatever it wrote; returns what it threw, or null. */
async function attempt(call: () => unknown): Promise<unknown> {
  const sqlite = database.db.$client;
  sqlite.exec("savepoint authorization_case");
  try {
    await call();
    return null;
  } catch (error) {
    return error;
  } finally {
    sqlite.exec("rollback to authorization_case");
    sqlite.exec("release authorization_case");
  }
}

const refused = (error: unknown) => error instanceof ForbiddenError || error instanceof NotFoundError;
const describeError = (error: unknown) =>
  error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);

it("covers every feature that has entry points", () => {
  const folders = fs
    .readdirSync(path.join(ROOT, "modules"))
    .filter((f) => fs.existsSync(path.join(ROOT, "modules", f, "index.ts")))
    .map((f) => f.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()))
    .sort();
  expect(Object.keys(FEATURES).sort()).toEqual(folders);
});

describe.each(Object.entries(FEATURES) as [string, { api: object; cases: object }][])(
  "%s",
  (_feature, { api, cases }) => {
    it("has a row for every entry point it exports", () => {
      const exported = Object.entries(api)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name)
        .sort();
      expect(Object.keys(cases).sort()).toEqual(exported);
    });

    it.each(Object.entries(cases as Record<string, Case>))(
      "%s",
      async (_name, row) => {
        for (const kind of KINDS) {
          const own = await attempt(() => row.run(contextFor(database.db, world.own.people[kind]), world.own));
          if (row.allowed.includes(kind)) expect(own, `${kind}, own organisation: ${describeError(own)}`).toBeNull();
          else expect(refused(own), `${kind}, own organisation, must be refused: ${describeError(own)}`).toBe(true);

          if (row.ownOnly) continue;
          const other = await attempt(() => row.run(contextFor(database.db, world.own.people[kind]), world.other));
          if (row.byToken && row.allowed.includes(kind)) {
            expect(other, `${kind}, the other organisation's link: ${describeError(other)}`).toBeNull();
          } else if (row.allowed.includes(kind)) {
            expect(other, `${kind}, other organisation, must not be found: ${describeError(other)}`).toBeInstanceOf(
              NotFoundError,
            );
          } else
            expect(refused(other), `${kind}, other organisation, must be refused: ${describeError(other)}`).toBe(true);
        }
        // Eighteen calls: an entry point that makes an account hashes a password (deliberately slow) in each.
      },
      60_000,
    );
  },
);
