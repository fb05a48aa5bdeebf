import { type AppLoadContext, redirect } from "@remix-run/node";
import { sessionCookie, sessionTokenFrom } from "../../modules/accounts/cookie";
import {
  type ActiveSession,
  createSession,
  readSession,
  revokeSession,
  setSessionOrg,
} from "../../modules/accounts/sessions";
import { type Context, contextFor } from "../../modules/auth/context";
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
    const first = organisationsOf(db, session.user.id)[0];
    if (first) {
      setSessionOrg(db, session.id, first.id);
      actor = actorFor(db, first.id, session.user.id);
    }
  }
  return { session, actor };
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
  const actor = await requireActor(request, context);
  return contextFor(context.runtime.db, actor, new Date(), context.runtime.events);
}

/** As requireContext, for an actor the route already has (on a page open to people with no organisation too). */
export function contextOf(context: AppLoadContext, actor: Actor): Context {
  return contextFor(context.runtime.db, actor, new Date(), context.runtime.events);
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

/** Starts a fresh session (a new token every log-in) and ends any session the browser still had. */
export async function startSession(request: Request, context: AppLoadContext, userId: string, orgId: string | null) {
  const { db, config } = context.runtime;
  const previous = await getSession(request, context);
  if (previous) revokeSession(db, previous.id);
  const token = createSession(db, config.SESSION_SECRET, userId, orgId, new Date());
  return cookieFor(request).serialize(token);
}

export async function endSession(request: Request, context: AppLoadContext) {
  const session = await getSession(request, context);
  if (session) revokeSession(context.runtime.db, session.id);
  return { session, cookie: await cookieFor(request).serialize("", { maxAge: 0 }) };
}

/** Only same-site paths are allowed as a "next" target after logging in. */
export function safeNext(value: unknown, fallback = "/"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : fallback;
}
export { can } from "../../modules/auth/policy";
