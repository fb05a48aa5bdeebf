import { createCookie } from "@remix-run/node";

const COOKIE_NAME = "alongside_session";
const base = { httpOnly: true, sameSite: "lax" as const, path: "/" };
// No Max-Age: the cookie ends with the browser session; the server enforces idle and absolute limits.
const plainCookie = createCookie(COOKIE_NAME, base);
const secureCookie = createCookie(COOKIE_NAME, { ...base, secure: true });

/** The session cookie, marked Secure when the request came over HTTPS. */
export function sessionCookie(secure: boolean) {
  return secure ? secureCookie : plainCookie;
}

/** The session token in a Cookie header, or null. Used by page requests and WebSocket upgrades alike. */
export async function sessionTokenFrom(cookieHeader: string | null): Promise<string | null> {
  const value = await plainCookie.parse(cookieHeader);
  return typeof value === "string" && value.length > 0 && value.length < 200 ? value : null;
}

const SESSION_COOKIE = new RegExp(`(?:^|;)\\s*${COOKIE_NAME}=[^;\\s]`);

/** Whether a Cookie header carries a session cookie at all (valid or not), without reading it. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return cookieHeader !== undefined && SESSION_COOKIE.test(cookieHeader);
}
