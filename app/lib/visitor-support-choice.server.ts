import { createCookie } from "@remix-run/node";
import { supportChoice } from "./domain.server";

/*
 * A visitor's support choice is kept only in this cookie, in their own browser: httpOnly so no script
 * reads it, SameSite=Lax so it goes with no other site's form posts or embedded requests, and
 * set or cleared only by a POST (docs/decisions/0030).
 */
const NAME = "alongside_support_choice";
const base = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365 };
const plainCookie = createCookie(NAME, base);
const secureCookie = createCookie(NAME, { ...base, secure: true });

const cookieFor = (request: Request) => (new URL(request.url).protocol === "https:" ? secureCookie : plainCookie);

/** The visitor's choice from their browser's cookie; a garbled or forged one counts as no choice. */
export async function visitorSupportChoice(request: Request): Promise<supportChoice.SupportChoice | null> {
  let stored: unknown = null;
  try {
    stored = await plainCookie.parse(request.headers.get("Cookie"));
  } catch {
    stored = null;
  }
  return supportChoice.visitorChoice(stored);
}

/** The Set-Cookie header that keeps a choice in the visitor's browser, or clears it when nothing is answered. */
export function keepVisitorSupportChoice(request: Request, input: supportChoice.SupportChoice) {
  const choice = supportChoice.visitorChoice(input);
  return choice ? cookieFor(request).serialize(choice) : forgetVisitorSupportChoice(request);
}

/** The Set-Cookie header that forgets the visitor's choice. */
export function forgetVisitorSupportChoice(request: Request) {
  return cookieFor(request).serialize("", { maxAge: 0 });
}
