import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

const EMAIL = "kimberley.jones@example.org";

describe("rules for a new password", () => {
  it("accepts passwords that are long enough and not easily guessed", () => {
    for (const password of [
      "calm harbour 4a1f",
      "a long enough password",
      "Tyne bridge at dusk",
      "kim likes tea",
      "correct horse battery staple",
      "abcdefgh",
      "aaaaaaab",
    ]) {
      expect(passwordProblem(password, EMAIL), password).toBeNull();
    }
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const password of ["password", "12345678", "iloveyou", "qwertyuiop", "sunshine", "Password1", "FOOTBALL"]) {
      expect(passwordProblem(password, EMAIL), password).toMatch(/one of the most common passwords/);
    }
  });

  it("refuses one character repeated, spaces and symbols included", () => {
    for (const password of ["aaaaaaaa", "AAAAAAAAAAAA", "        ", "€€€€€€€€", "😀😀😀😀😀😀😀😀", "11111111111"]) {
      expect(passwordProblem(password, EMAIL), password).toMatch(/the same character/);
    }
  });

  it("refuses the email address, or the part before the @, in any case and inside longer passwords", () => {
    for (const password of [
      EMAIL,
      EMAIL.toUpperCase(),
      "kimberley.jones",
      "kimberley.jones2026",
      "my Kimberley.Jones password",
      `x${EMAIL}x`,
    ]) {
      expect(passwordProblem(password, EMAIL), password).toMatch(/your email address/);
    }
    // A very short name before the @ is not looked for inside a longer password: "jo" is in "enjoying".
    expect(passwordProblem("enjoying the sea", "jo@example.org")).toBeNull();
    expect(passwordProblem("jo@example.org", "jo@example.org")).toMatch(/your email address/);
  });
});
