import { describe, expect, it } from "vitest";
import { plainDataKey } from "./page-inputs.server";

describe("plainDataKey", () => {
  it("gives the same text for the same data, however it was built", () => {
    const when = "2026-12-02T10:00:00.000Z";
    expect(plainDataKey({ a: [1, "x", null], at: new Date(when) })).toBe(
      plainDataKey({ a: [1, "x", null], at: new Date(when) }),
    );
  });

  it("tells apart what plain JSON would write the same", () => {
    const pairs: [unknown, unknown][] = [
      [[undefined], [null]],
      [{ a: undefined }, {}],
      [{ n: Number.NaN }, { n: null }],
      [{ n: Number.POSITIVE_INFINITY }, { n: Number.NEGATIVE_INFINITY }],
      [{ at: new Date("2026-01-01T00:00:00.000Z") }, { at: "2026-01-01T00:00:00.000Z" }],
      [{ section: 1 }, { section: "1" }],
    ];
    for (const [one, other] of pairs) {
      const a = plainDataKey(one);
      const b = plainDataKey(other);
      expect(a).not.toBeNull();
      expect(a, `${a} against ${b}`).not.toBe(b);
    }
  });

  it("gives nothing for data that is more than plain, so such a page is never remembered", () => {
    class Place {
      constructor(readonly id: string) {}
    }
    for (const value of [
      { m: new Map([["a", 1]]) },
      { s: new Set([1]) },
      { p: new Place("a") },
      { f: () => 1 },
      { b: BigInt(1) },
      [Symbol("s")],
    ]) {
      expect(plainDataKey(value)).toBeNull();
    }
  });

  it("leaves objects without a prototype as data", () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(plainDataKey({ bare })).toBe(plainDataKey({ bare: { a: 1 } }));
  });
});
