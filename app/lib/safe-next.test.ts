import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNext } from "./auth.server";

const ORIGIN = "https://alongside.example.org";
const FALLBACK = "/home";

/** Where a browser on our site would go after a redirect with this Location. */
function followed(location: string) {
  return new URL(location, ORIGIN);
}

describe("safeNext, the page to go to after logging in", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const path of [
      "/",
      "/learn",
      "/learn/journal",
      "/join/abcDEF123_-abcDEF123_-",
      "/organisation?welcome=1",
      "/cohorts/abc?tab=progress&sort=name#learners",
      "/learn/e/x/m/y/s/2",
      "/a/b/../c",
      "/%2F%2Fevil.example",
    ]) {
      const next = safeNext(path, FALLBACK);
      expect(next).not.toBe(FALLBACK);
      expect(followed(next).origin).toBe(ORIGIN);
    }
    expect(safeNext("/organisation?welcome=1", FALLBACK)).toBe("/organisation?welcome=1");
    expect(safeNext("/cohorts/abc?tab=progress#learners", FALLBACK)).toBe("/cohorts/abc?tab=progress#learners");
  });

  it("refuses anything a browser would take to another site", () => {
    for (const path of [
      "//evil.example",
      "//evil.example/learn",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "\t//evil.example",
      " //evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
      "evil.example",
      "learn",
      "",
      "/\\/evil.example",
      "/ /evil.example",
      "/.//evil.example",
      "/a/..//evil.example",
    ]) {
      expect(safeNext(path, FALLBACK), JSON.stringify(path)).toBe(FALLBACK);
    }
  });

  it("refuses control and whitespace characters anywhere, including Unicode spaces", () => {
    for (const character of [
      "\u0000",
      "\t",
      "\n",
      "\u000b",
      "\u007f",
      "\u0085",
      "\u00a0",
      "\u2028",
      "\u3000",
      "\ufeff",
      "\u200b",
      "\u202e",
    ]) {
      expect(safeNext(`/learn${character}journal`, FALLBACK), JSON.stringify(character)).toBe(FALLBACK);
      expect(safeNext(`/${character}/evil.example`, FALLBACK), JSON.stringify(character)).toBe(FALLBACK);
    }
  });

  it("refuses values that are not text or are absurdly long", () => {
    for (const value of [null, undefined, 42, ["/learn"], { toString: () => "/learn" }, new File([], "/learn")]) {
      expect(safeNext(value, FALLBACK)).toBe(FALLBACK);
    }
    expect(safeNext(`/${"a".repeat(5_000)}`, FALLBACK)).toBe(FALLBACK);
    expect(safeNext(undefined)).toBe("/");
  });

  it("gives back only printable ASCII, so the Location header can always be sent", () => {
    expect(safeNext("/learn/café", FALLBACK)).toBe("/learn/caf%C3%A9");
    expect(safeNext("/search?q=ünïcode", FALLBACK)).toBe("/search?q=%C3%BCn%C3%AFcode");
  });

  it("for any text at all, answers the fallback or a path that stays on this site", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 40 }),
          fc.string({ unit: "binary", maxLength: 40 }).map((s) => `/${s}`),
          fc.string({ unit: "grapheme-ascii", maxLength: 40 }).map((s) => `/${s}`),
          fc
            .array(fc.constantFrom("/", "\\", "\t", "\n", " ", "\u3000", ".", ":", "@", "evil.example", "%09", "%2F"), {
              maxLength: 8,
            })
            .map((parts) => parts.join("")),
          fc.webUrl().map((url) => url.replace(/^https?:/, "")),
        ),
        (value) => {
          const next = safeNext(value, FALLBACK);
          if (next === FALLBACK) return;
          expect(next).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
          expect(followed(next).origin).toBe(ORIGIN);
          // A browser resolving it against any site stays on that site.
          expect(new URL(next, "http://other.test:8080").origin).toBe("http://other.test:8080");
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
