import { describe, expect, it } from "vitest";
import { layerViolations, mutualImports, type SourceFile, sources, tableWriters } from "./house";

/**
 * The shape ADR 15 asks for, read from the sources: one feature writes each table, no two features
 * import each other, and no file imports against the layers. `npm run house` prints the same figures.
 */
describe("the layout of the code base", () => {
  it("has one writer for every table", () => {
    const shared = [...tableWriters()].filter(([, features]) => features.size > 1);
    expect(shared.map(([table, features]) => `${table}: ${[...features].sort().join(", ")}`)).toEqual([]);
  });

  it("has no pair of features that import each other", () => {
    expect(mutualImports()).toEqual([]);
  });

  it("has no import against the layers", () => {
    expect(layerViolations()).toEqual([]);
  });

  it("reads every app, modules and db file, so a rule cannot pass by looking at nothing", () => {
    const files = sources().map((s) => s.file);
    expect(files).toContain("modules/demo/seed.ts");
    expect(files).toContain("app/root.tsx");
    expect(files).toContain("db/client.ts");
    expect(files.length).toBeGreaterThan(300);
  });
});

describe("the layout rules, on made-up files", () => {
  const file = (name: string, text: string): SourceFile => ({ file: name, text });
  // Built here, so this file's own text holds no import for the real scan to find.
  const importing = (spec: string) => `import { x } from "${spec}";`;

  it("see a second writer of a table", () => {
    const writers = tableWriters([
      file("modules/courses/service.ts", "db.insert(courses).values(x)"),
      file("modules/cohorts/assignments.ts", "db.update(courses).set(x)"),
      file("modules/cohorts/assignments.test.ts", "db.delete(enrolments)"),
    ]);
    expect([...(writers.get("courses") ?? [])].sort()).toEqual(["cohorts", "courses"]);
    expect(writers.has("enrolments")).toBe(false);
  });

  it("see two features that import each other", () => {
    expect(
      mutualImports([
        file("modules/learning/service.ts", importing("../cohorts/service")),
        file("modules/cohorts/service.ts", importing("../learning/index")),
      ]),
    ).toEqual([["cohorts", "learning"]]);
  });

  it("see imports against the layers", () => {
    expect(
      layerViolations([
        file("app/routes/x.tsx", importing("../../db/client")),
        file("modules/learning/service.ts", importing("../../app/lib/auth.server")),
        file("db/client.ts", importing("../modules/shared/dates")),
        file("modules/cohorts/service.ts", importing("../testing/database")),
      ]),
    ).toHaveLength(4);
  });
});
