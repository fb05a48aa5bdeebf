import type { AppLoadContext } from "@remix-run/node";
import { handOver } from "../../modules/http/action-replay";
import { type leanRoutes, watchAction } from "./lean-routes.server";

/**
 * Remix refuses a post whose Origin names another host than the request's (its guard against
 * forged forms), before any action runs; such a post is left to Remix to refuse the same way.
 */
function originIsHost(headers: Headers) {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  if (!host || origin === "null") return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A form post to a page without client code, by the lean path (ADR 42): the action runs once, here,
 * through the same React Router handler Remix uses. Its usual answer, a redirect, is sent as React
 * Router gives it. Anything else it returns or throws is handed to Remix with the request, and Remix
 * renders it without running the action again (`modules/http/action-replay.ts`). What needs Remix's
 * own handling before any action (client code's data requests, index routes' `?index`, a foreign
 * Origin) is Remix's from the start.
 */
export function createLeanActions(routes: ReturnType<typeof leanRoutes>) {
  return async (request: Request, context: AppLoadContext): Promise<Response | null> => {
    const url = new URL(request.url);
    if (url.pathname.endsWith(".data") || url.searchParams.has("index") || url.searchParams.has("_routes")) return null;
    if (!originIsHost(request.headers)) return null;
    const handler = routes.routerFor(url.pathname);
    if (!handler) return null;
    const run = watchAction(context);
    // The action reads the body; a request handed over to Remix is made again from what was received.
    const result = await handler.query(request, { requestContext: context });
    if (run.outcome) {
      handOver(context, run.outcome);
      return null;
    }
    if (run.redirect) {
      if (!(result instanceof Response)) throw new Error("a lean action redirected, and React Router gave no redirect");
      return result;
    }
    // No action ran (no route here has one): Remix answers from the start.
    return null;
  };
}
