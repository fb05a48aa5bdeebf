import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { leanRoutes } from "./lean-routes.server";
import { NonceContext } from "./nonce";

/**
 * The lean path for pages without client code (the learner pages; ADR 40).
 *
 * Remix answers a document request by matching the URL against all its routes three times, building
 * its route objects and a router from scratch, and encoding the page's data for the browser, which
 * these pages never read. That work was most of a learner page's cost. Here the same route modules of
 * the same build run the same way, the same root layout and route components render, through React
 * Router's own static data router, but the routes are built once and only the subtrees that never
 * hydrate are matched.
 *
 * It answers only what it can answer exactly as Remix would: a GET whose loaders all return data. A
 * redirect, a refusal, an error or a page of another kind comes back as `null`, and Remix serves that
 * request from the start (a loader has no effects on a GET, so running it again changes nothing).
 */
/** The page's HTML (always a 200: anything else is Remix's to answer), or null. */
export type LeanPages = (request: Request, context: AppLoadContext) => Promise<string | null>;

export function createLeanPages(build: ServerBuild): LeanPages {
  const routes = leanRoutes(build);
  const routeModules = Object.fromEntries(Object.values(build.routes).map((route) => [route.id, route.module]));
  const remix = { manifest: build.assets, routeModules, future: build.future, isSpaMode: false, renderMeta: {} };

  return async (request, context) => {
    if (request.method !== "GET") return null;
    const { pathname } = new URL(request.url);
    // Client code's data requests (single fetch) are Remix's own protocol.
    if (pathname.endsWith(".data")) return null;
    const handler = routes.routerFor(pathname);
    if (!handler) return null;
    // A loader's refusal, a redirect or more than data ends up in `errors` or as a Response.
    const result = await handler.query(request, { requestContext: context });
    if (result instanceof Response || result.errors || result.statusCode !== 200) return null;
    const leaf = result.matches.at(-1)?.route;
    if (!leaf || !routeModules[leaf.id]?.default) return null;
    const router = createStaticRouter(handler.dataRoutes, result);
    const page = createElement(
      NonceContext.Provider,
      { value: context.nonce },
      createElement(
        RemixContext.Provider,
        { value: remix as never },
        createElement(StaticRouterProvider, { router, context: result, hydrate: false }),
      ),
    );
    return `<!DOCTYPE html>${renderToString(page)}`;
  };
}
