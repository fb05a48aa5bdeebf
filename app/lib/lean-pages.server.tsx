import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import type { LoaderFunctionArgs, RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import type { RouteHandle } from "../root";
import { NonceContext } from "./nonce";

/**
 * The lean path for pages without client code (the learner pages; ADR 41).
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
export type LeanPage = { status: number; html: string };
export type LeanPages = (request: Request, context: AppLoadContext) => Promise<LeanPage | null>;

type BuildRoute = ServerBuild["routes"][string];

function hydrates(route: BuildRoute) {
  return (route.module.handle as RouteHandle | undefined)?.hydrate !== false;
}

function firstSegment(route: BuildRoute) {
  return (route.path ?? "").split("/")[0] ?? "";
}

/** Anything a loader gives that is more than data: its status and headers belong to Remix's answer. */
class NotPlainData extends Error {}

function isPlainData(value: unknown) {
  if (value instanceof Response) return false;
  return !(
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit"
  );
}

/**
 * The subtrees the lean path serves: children of the root that opt out of client code and whose
 * first path segment no hydrating sibling shares, so matching them alone picks what matching every
 * route would pick (a route nested in them inherits their opting out).
 */
function leanSubtrees(routes: BuildRoute[]) {
  const rootChildren = routes.filter((route) => route.parentId === "root");
  const shared = new Set(rootChildren.filter(hydrates).map(firstSegment));
  return rootChildren.filter(
    (route) => !hydrates(route) && !firstSegment(route).startsWith(":") && !shared.has(firstSegment(route)),
  );
}

function routeObject(route: BuildRoute, children: RouteObject[]): RouteObject {
  const { module } = route;
  const loader = module.loader;
  const base = {
    id: route.id,
    path: route.path,
    caseSensitive: route.caseSensitive,
    handle: module.handle,
    Component: module.default,
    loader: loader
      ? async (args: LoaderFunctionArgs) => {
          const result = await loader({ ...args, context: args.context as AppLoadContext });
          if (!isPlainData(result)) throw new NotPlainData();
          return result ?? null;
        }
      : undefined,
  };
  return route.index ? { ...base, index: true } : { ...base, children };
}

export function createLeanPages(build: ServerBuild): LeanPages {
  const all = Object.values(build.routes);
  const root = build.routes.root;
  if (!root) throw new Error("the build has no root route");
  const byParent = new Map<string, BuildRoute[]>();
  for (const route of all) {
    if (route.parentId) byParent.set(route.parentId, [...(byParent.get(route.parentId) ?? []), route]);
  }
  const objectOf = (route: BuildRoute): RouteObject => routeObject(route, (byParent.get(route.id) ?? []).map(objectOf));
  // One router per subtree, chosen by the address's first segment: matching then ranks only the few
  // routes that could answer, where React Router ranks every route it is given on each call.
  const handlers = new Map<string, ReturnType<typeof createStaticHandler>>();
  for (const subtree of leanSubtrees(all)) {
    const segment = firstSegment(subtree);
    const siblings = all.filter((route) => route.parentId === "root" && firstSegment(route) === segment);
    handlers.set(segment, createStaticHandler([routeObject(root, siblings.map(objectOf))]));
  }
  const routeModules = Object.fromEntries(all.map((route) => [route.id, route.module]));
  const remix = { manifest: build.assets, routeModules, future: build.future, isSpaMode: false, renderMeta: {} };

  return async (request, context) => {
    if (request.method !== "GET") return null;
    const handler = handlers.get(new URL(request.url).pathname.split("/")[1] ?? "");
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
    return { status: 200, html: `<!DOCTYPE html>${renderToString(page)}` };
  };
}
