import { hash } from "node:crypto";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { LRUCache } from "lru-cache";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { WholePage } from "../../modules/http/whole-page";
import { createLeanActions } from "./lean-actions.server";
import { leanRoutes } from "./lean-routes.server";
import { NonceContext } from "./nonce";
import { plainDataKey } from "./page-inputs.server";

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
/**
 * A GET's page (always a 200: anything else is Remix's to answer), a POST's redirect (ADR 42), or
 * null: Remix answers.
 */
export type LeanPages = (request: Request, context: AppLoadContext) => Promise<WholePage | Response | null>;

/**
 * Pages already rendered, by what they are rendered from (ADR 41). A page's markup is a function of
 * its address and its loaders' data alone: its inline script is allowed by hash, not by a per-answer
 * nonce, and the components read nothing else. So the loaders always run (they check who may see
 * what, and read what changed), and only the rendering and compressing are remembered.
 */
function pageMemory(maxBytes: number) {
  if (maxBytes <= 0) return null;
  return new LRUCache<string, WholePage>({ maxSize: maxBytes, sizeCalculation: (page) => page.sizeBound });
}

/** The address and the loaders' data, or null when the data cannot be written out faithfully. */
function inputsKey(url: URL, leafId: string, loaderData: unknown) {
  const data = plainDataKey(loaderData);
  if (data === null) return null;
  return hash("sha256", `${leafId}\n${url.pathname}${url.search}\n${data}`, "base64");
}

export function createLeanPages(build: ServerBuild, options: { memoryBytes: number }): LeanPages {
  const routes = leanRoutes(build);
  const routeModules = Object.fromEntries(Object.values(build.routes).map((route) => [route.id, route.module]));
  const remix = { manifest: build.assets, routeModules, future: build.future, isSpaMode: false, renderMeta: {} };
  const memory = pageMemory(options.memoryBytes);
  const post = createLeanActions(routes);

  return async (request, context) => {
    if (request.method === "POST") return post(request, context);
    if (request.method !== "GET") return null;
    const url = new URL(request.url);
    const { pathname } = url;
    // Client code's data requests (single fetch) are Remix's own protocol.
    if (pathname.endsWith(".data")) return null;
    const handler = routes.routerFor(pathname);
    if (!handler) return null;
    // A loader's refusal, a redirect or more than data ends up in `errors` or as a Response.
    const result = await handler.query(request, { requestContext: context });
    if (result instanceof Response || result.errors || result.statusCode !== 200) return null;
    const leaf = result.matches.at(-1)?.route;
    if (!leaf || !routeModules[leaf.id]?.default) return null;
    const key = memory ? inputsKey(url, leaf.id, result.loaderData) : null;
    const known = key ? memory?.get(key) : undefined;
    if (known) return known;
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
    const rendered = new WholePage(`<!DOCTYPE html>${renderToString(page)}`);
    if (key) memory?.set(key, rendered);
    return rendered;
  };
}
