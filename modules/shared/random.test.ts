import { describe, expect, it } from "vitest";
import { secureRandomBytes } from "./random";

describe("secure random bytes", () => {
  it("never hands out the same bytes twice, across many refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(secureRandomBytes(16).toString("hex"));
    expect(seen.size).toBe(2000);
  });

  it("gives exactly the size asked for, including sizes that straddle or exceed the pool", () => {
    for (const size of [1, 15, 16, 32, 4095, 4096, 4097, 10_000]) {
      expect(secureRandomBytes(size)).toHaveLength(size);
    }
  });

  it("leaves bytes already handed out as they were when the pool is replaced", () => {
    const first = secureRandomBytes(16);
    const copy = Buffer.from(first);
    for (let i = 0; i < 600; i++) secureRandomBytes(16);
    expect(first.equals(copy)).toBe(true);
  });

  it("looks uniformly random: every byte value turns up over many draws", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 400; i++) for (const byte of secureRandomBytes(64)) counts[byte] = (counts[byte] ?? 0) + 1;
    // 25,600 bytes: about 100 of each value; a stuck or zeroed pool would leave most at 0.
    expect(Math.min(...counts)).toBeGreaterThan(40);
    expect(Math.max(...counts)).toBeLessThan(180);
  });
});
