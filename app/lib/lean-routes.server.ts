import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { LoaderFunctionArgs, RouteObject } from "react-router-dom";
import { createStaticHandler } from "react-router-dom/server";
import type { RouteHandle } from "../root";

/**
 * Which routes the lean path serves (ADR 40), and the routers it matches them with: one per subtree,
 * chosen by the address's first segment. React Router flattens and ranks every route it is given on
 * each match, and a page is matched twice, so each router holds only the few routes that could answer.
 */
export type StaticHandler = ReturnType<typeof createStaticHandler>;
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

export function leanRoutes(build: ServerBuild) {
  const all = Object.values(build.routes);
  const root = build.routes.root;
  if (!root) throw new Error("the build has no root route");
  const byParent = new Map<string, BuildRoute[]>();
  for (const route of all) {
    if (route.parentId) byParent.set(route.parentId, [...(byParent.get(route.parentId) ?? []), route]);
  }
  const objectOf = (route: BuildRoute): RouteObject => routeObject(route, (byParent.get(route.id) ?? []).map(objectOf));

  const subtrees = new Map<string, StaticHandler>();
  for (const top of leanSubtrees(all)) {
    const segment = firstSegment(top);
    const siblings = all.filter((route) => route.parentId === "root" && firstSegment(route) === segment);
    subtrees.set(segment, createStaticHandler([routeObject(root, siblings.map(objectOf))]));
  }
  return {
    /** The router to match this address with, or null when no page without client code could answer it. */
    routerFor: (pathname: string): StaticHandler | null => subtrees.get(pathname.split("/")[1] ?? "") ?? null,
  };
}
