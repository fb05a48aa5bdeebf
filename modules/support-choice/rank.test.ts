import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NATIONS, POPULATIONS } from "../organisations/index";
import { fitsByName, rankForChoice } from "./rank";

const r = (name: string, nations: string[], populations: string[]) => ({ name, nations, populations });

const list = [
  r("Samaritans", ["uk"], ["everyone"]),
  r("NHS 111", ["england"], ["everyone"]),
  r("English veterans' service", ["england"], ["veterans"]),
  r("Breathing Space", ["scotland"], ["everyone"]),
  r("UK veterans' line", ["uk"], ["veterans"]),
  r("Young people's line", ["uk"], ["young-people"]),
  r("Scottish veterans' centre", ["scotland"], ["veterans"]),
  r("Shout", ["uk"], ["everyone"]),
];
const names = (resources: { name: string }[]) => resources.map((x) => x.name);

describe("support ranked by a person's choice", () => {
  it("puts what is for their nation and their group first, then one of them, then UK-wide for everyone, then the rest", () => {
    expect(names(rankForChoice(list, { nation: "scotland", populations: ["veterans"] }))).toEqual([
      "Scottish veterans' centre",
      "Breathing Space",
      "UK veterans' line",
      "Samaritans",
      "Shout",
      "NHS 111",
      "English veterans' service",
      "Young people's line",
    ]);
  });

  it("with only a nation, or only groups, ranks by what was answered", () => {
    expect(names(rankForChoice(list, { nation: "england", populations: [] })).slice(0, 3)).toEqual([
      "NHS 111",
      "English veterans' service",
      "Samaritans",
    ]);
    expect(names(rankForChoice(list, { nation: null, populations: ["young-people"] }))[0]).toBe("Young people's line");
  });

  it("keeps the organisation's order when there is no choice", () => {
    expect(names(rankForChoice(list, null))).toEqual(names(list));
  });

  it("marks as for them only what fits by name", () => {
    const choice = { nation: "scotland" as const, populations: ["veterans" as const] };
    expect(list.filter((x) => fitsByName(x, choice)).map((x) => x.name)).toEqual([
      "Breathing Space",
      "UK veterans' line",
      "Scottish veterans' centre",
    ]);
  });

  it("never hides or repeats a resource, whatever the choice", () => {
    const resource = fc.record({
      name: fc.string(),
      nations: fc.subarray([...NATIONS], { minLength: 1 }),
      populations: fc.subarray([...POPULATIONS], { minLength: 1 }),
    });
    const choice = fc.record({
      nation: fc.option(fc.constantFrom(...NATIONS.filter((n) => n !== "uk")), { nil: null }),
      populations: fc.subarray(POPULATIONS.filter((p) => p !== "everyone")),
    });
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 20 }), choice, (resources, c) => {
        const ranked = rankForChoice(resources, c);
        expect(ranked).toHaveLength(resources.length);
        expect(new Set(ranked)).toEqual(new Set(resources));
      }),
    );
  });
});
