import { dictionary } from "@zxcvbn-ts/language-common";

/** The 49,000 passwords most often found in leaks: the first ones anyone guessing tries. Built once. */
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

/** Below this, the part before the @ is only refused as the whole password: "jo" is in "enjoying". */
const LOCAL_PART_MIN = 3;

const COMMON =
  "That is one of the most common passwords, so it is among the first anyone would guess. A few words strung together are easier to remember and much harder to guess.";
const REPEATED = "Use more than the same character over and over. A few words strung together work well.";
const EMAIL = "Choose a password without your email address in it, or the part before the @.";

/**
 * Why a new password would be easy to guess, or null when it is fine. Length is checked by the form
 * (modules/shared/fields.ts); these are the rules that need to know the person's email.
 */
export function passwordProblem(password: string, email: string): string | null {
  const candidate = password.normalize("NFKC").toLowerCase();
  const address = email.normalize("NFKC").toLowerCase();
  if (new Set(candidate).size <= 1) return REPEATED;
  if (COMMON_PASSWORDS.has(candidate)) return COMMON;
  const at = address.lastIndexOf("@");
  const localPart = at >= 0 ? address.slice(0, at) : address;
  if (candidate.includes(address) || candidate === localPart) return EMAIL;
  if (localPart.length >= LOCAL_PART_MIN && candidate.includes(localPart)) return EMAIL;
  return null;
}
