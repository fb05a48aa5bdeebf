import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));

type Version = [number, number, number];

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether a version is in an npm `engines` range, for the forms packages use there: `*`, `>=`, `>`,
 * `<`, `<=`, `^`, `~`, `20.x` or `20`, sets of comparators joined by spaces, sets joined by `||`.
 */
function satisfies(version: Version, range: string): boolean {
  return range
    .replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1")
    .split("||")
    .some((set) =>
      set
        .trim()
        .split(/\s+/)
        .filter((c) => c !== "")
        .every((comparator) => {
          const match = /^(>=|<=|>|<|=|\^|~)?v?(\d+|x|\*)?(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(comparator);
          if (!match) throw new Error(`cannot read the engines range "${range}"`);
          const [, op = "", ...parts] = match;
          const given = parts.map((p) => (p === undefined || p === "x" || p === "*" ? null : Number(p)));
          const [major, minor, patch] = given;
          if (major === null || major === undefined) return true;
          const low: Version = [major, minor ?? 0, patch ?? 0];
          const c = compare(version, low);
          if (op === ">=") return c >= 0;
          if (op === ">") return c > 0;
          if (op === "<") return c < 0;
          if (op === "<=") return c <= 0;
          if (op === "~") return c >= 0 && compare(version, [major, (minor ?? 0) + 1, 0]) < 0;
          if (op === "^" && major > 0) return c >= 0 && version[0] === major;
          if (op === "^") return c >= 0 && version[1] === low[1];
          // "20", "20.x", "=20.1.2": that version, or every version it leaves open.
          if (minor === null || minor === undefined) return version[0] === major;
          if (patch === null || patch === undefined) return version[0] === major && version[1] === minor;
          return c === 0;
        }),
    );
}

describe("the Node versions package.json claims", () => {
  it("are ones every installed package says it supports", () => {
    const claimed: string = read("package.json").engines.node;
    const versions: Version[] = [];
    for (let major = 0; major <= 40; major++) {
      for (let minor = 0; minor <= 60; minor++) {
        for (const patch of [0, 99]) {
          if (satisfies([major, minor, patch], claimed)) versions.push([major, minor, patch]);
        }
      }
    }
    expect(versions.length).toBeGreaterThan(0);
    const lock: {
      packages: Record<string, { version?: string; engines?: { node?: string }; optional?: boolean; cpu?: string[] }>;
    } = read("package-lock.json");
    const narrower = Object.entries(lock.packages)
      .filter(([name, info]) => name !== "" && typeof info.engines?.node === "string")
      // Images need sharp, which has no build for 32-bit x86 after Node 20: Alongside does not run there.
      .filter(([, info]) => !(info.optional && info.cpu?.length === 1 && info.cpu[0] === "ia32"))
      .flatMap(([name, info]) => {
        const wanted = info.engines?.node ?? "*";
        const outside = versions.find((v) => !satisfies(v, wanted));
        const who = `${name.replace(/^.*node_modules\//, "")}@${info.version}`;
        return outside ? [`${who} wants ${wanted}, not ${outside.join(".")}`] : [];
      });
    expect(narrower).toEqual([]);
  });

  it("reads ranges the way npm does", () => {
    expect(satisfies([20, 6, 0], ">=20.6")).toBe(true);
    expect(satisfies([20, 5, 9], ">=20.6")).toBe(false);
    expect(satisfies([22, 12, 0], "^22.12.0 || ^24.0.0")).toBe(true);
    expect(satisfies([22, 11, 9], "^22.12.0 || ^24.0.0")).toBe(false);
    expect(satisfies([23, 0, 0], "^22.12.0 || ^24.0.0")).toBe(false);
    expect(satisfies([23, 1, 0], "^20.0.0 || ^22.0.0 || >=24.0.0")).toBe(false);
    expect(satisfies([26, 3, 0], "20.x || 22.x || 26.x")).toBe(true);
    expect(satisfies([27, 0, 0], "20.x || 22.x || 26.x")).toBe(false);
    expect(satisfies([8, 9, 5], ">=9.4.0 || ^8.9.4")).toBe(true);
    expect(satisfies([9, 3, 0], ">=9.4.0 || ^8.9.4")).toBe(false);
    expect(satisfies([1, 0, 0], "*")).toBe(true);
    expect(satisfies([20, 0, 0], ">= 0.6")).toBe(true);
    expect(satisfies([20, 1, 0], ">=18 <21")).toBe(true);
    expect(satisfies([21, 0, 0], ">=18 <21")).toBe(false);
    expect(satisfies([0, 10, 3], "~0.10.0")).toBe(true);
    expect(satisfies([0, 11, 0], "~0.10.0")).toBe(false);
  });
});
