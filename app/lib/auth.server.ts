import { type AppLoadContext, redirect } from "@remix-run/node";
import { sessionCookie, sessionTokenFrom } from "../../modules/accounts/cookie";
import {
  type ActiveSession,
  readSession,
  revokeSession,
  setSessionOrg,
  startNewSession,
} from "../../modules/accounts/sessions";
import { type Context, contextFor, type Visit, visitFor } from "../../modules/auth/context";
import { type Actor, type Permission, requirePermission } from "../../modules/auth/policy";
import { actorFor, organisationsOf } from "../../modules/organisations/service";
import { forbidden } from "./http.server";

function cookieFor(request: Request) {
  return sessionCookie(new URL(request.url).protocol === "https:");
}

// A page's loaders run in parallel on one request (the root's and the route's): each asks who is
// signed in, and the answer is the same, so it is looked up once per request.
const sessionsByRequest = new WeakMap<Request, Promise<ActiveSession | null>>();
const actorsByRequest = new WeakMap<Request, Promise<{ session: ActiveSession; actor: Actor | null } | null>>();

export function getSession(request: Request, context: AppLoadContext): Promise<ActiveSession | null> {
  let found = sessionsByRequest.get(request);
  if (!found) {
    found = readSessionFor(request, context);
    sessionsByRequest.set(request, found);
  }
  return found;
}

async function readSessionFor(request: Request, context: AppLoadContext) {
  const token = await sessionTokenFrom(request.headers.get("Cookie"));
  if (!token) return null;
  const { db, config } = context.runtime;
  return readSession(db, config.SESSION_SECRET, token, new Date());
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const next = url.pathname + url.search;
  throw redirect(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
}

export async function requireSession(request: Request, context: AppLoadContext): Promise<ActiveSession> {
  return (await getSession(request, context)) ?? loginRedirect(request);
}

/**
 * The signed-in person inside their current organisation. A session whose organisation is gone (they
 * were removed) falls back to another of their organisations, or to none when none is left.
 */
export function currentActor(request: Request, context: AppLoadContext) {
  let found = actorsByRequest.get(request);
  if (!found) {
    found = findActor(request, context);
    actorsByRequest.set(request, found);
  }
  return found;
}

async function findActor(request: Request, context: AppLoadContext) {
  const session = await getSession(request, context);
  if (!session) return null;
  const { db } = context.runtime;
  let actor = session.currentOrgId ? actorFor(db, session.currentOrgId, session.user.id) : null;
  if (!actor) {
    actor = firstActor(context, session.user.id);
    if (actor) setSessionOrg(db, session.id, actor.orgId);
  }
  return { session, actor };
}

/** Who a person is on signing in: a member of their first organisation, or null when they belong to none. */
export function firstActor(context: AppLoadContext, userId: string): Actor | null {
  const { db } = context.runtime;
  const first = organisationsOf(db, userId)[0];
  return first ? actorFor(db, first.id, userId) : null;
}

/** As currentActor, sending someone who is not signed in to log in. */
export async function getActor(
  request: Request,
  context: AppLoadContext,
): Promise<{ session: ActiveSession; actor: Actor | null }> {
  return (await currentActor(request, context)) ?? loginRedirect(request);
}

export async function requireActor(request: Request, context: AppLoadContext): Promise<Actor> {
  const { actor } = await getActor(request, context);
  if (!actor) throw redirect("/account");
  return actor;
}

/**
 * The context every use case takes: the signed-in person in their current organisation, the time
 * of this request, and the server's event bus. Who may do what is the use case's to decide.
 */
export async function requireContext(request: Request, context: AppLoadContext): Promise<Context> {
  return contextOf(context, await requireActor(request, context));
}

/** The context of a request made as this actor (found from the session by the caller). */
export function contextOf(context: AppLoadContext, actor: Actor): Context {
  return contextFor(context.runtime.db, actor, new Date(), context.runtime.events);
}

/**
 * The context of someone holding an invitation link: the person signed in, who may belong to no
 * organisation yet, or a visitor. What they may do is the link's to decide.
 */
export async function visitContext(request: Request, context: AppLoadContext): Promise<Visit> {
  const session = await getSession(request, context);
  return visitFor(context.runtime.db, session?.user.id ?? null, new Date(), context.runtime.events);
}

/** The signed-in person goes on in this organisation (one they have just joined). */
export async function enterOrganisation(request: Request, context: AppLoadContext, orgId: string) {
  const session = await requireSession(request, context);
  setSessionOrg(context.runtime.db, session.id, orgId);
}

/** The actor, when their roles include the permission; otherwise a calm 403 page. */
export async function requireAllowed(request: Request, context: AppLoadContext, permission: Permission) {
  const actor = await requireActor(request, context);
  try {
    requirePermission(actor, permission);
  } catch {
    forbidden();
  }
  return actor;
}

/**
 * Starts a fresh session (a new token every log-in) and ends any session the browser still had. Kept
 * signed in, the cookie lasts as long as the session may; otherwise it ends with the browser.
 */
export async function startSession(
  request: Request,
  context: AppLoadContext,
  userId: string,
  orgId: string | null,
  options: { keepSignedIn?: boolean } = {},
) {
  const { db, config } = context.runtime;
  const previous = await getSession(request, context);
  if (previous) revokeSession(db, previous.id);
  const persistent = options.keepSignedIn ?? false;
  const userAgent = request.headers.get("User-Agent") ?? "";
  const { token, expiresAt } = startNewSession(
    db,
    config.SESSION_SECRET,
    { userId, orgId, persistent, userAgent },
    new Date(),
  );
  return cookieFor(request).serialize(token, persistent ? { expires: expiresAt } : {});
}

export async function endSession(request: Request, context: AppLoadContext) {
  const session = await getSession(request, context);
  if (session) revokeSession(context.runtime.db, session.id);
  return { session, cookie: await cookieFor(request).serialize("", { maxAge: 0 }) };
}

/** Any origin will do: only whether the path stays on it matters. */
const PROBE_ORIGIN = "http://alongside.invalid";
/**
 * Browsers drop tabs and newlines inside URLs and treat "\" as "/", so "/\t/evil.example" is a link
 * to evil.example; invisible and space characters have no place in our own paths either.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u;

/**
 * Only a path on this site is allowed as a "next" target after logging in. It is read the way a
 * browser reads it and given back serialised, so the Location header is plain ASCII.
 */
export function safeNext(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/") || UNSAFE_CHARACTERS.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
export { can } from "../../modules/auth/policy";
