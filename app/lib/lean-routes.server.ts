import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, RouteObject } from "react-router-dom";
import { createStaticHandler } from "react-router-dom/server";
import type { ActionOutcome } from "../../modules/http/action-replay";
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

/**
 * What a lean POST's action gave (ADR 42), by the request's load context. A redirect goes on through
 * React Router as it would in Remix; anything else stops there and is handed to Remix to render.
 */
export type ActionRun = { redirect: Response | null; outcome: ActionOutcome | null };
const actionRuns = new WeakMap<object, ActionRun>();

export function watchAction(context: AppLoadContext): ActionRun {
  const run: ActionRun = { redirect: null, outcome: null };
  actionRuns.set(context, run);
  return run;
}

/** Stops React Router from going on (to the loaders) once the outcome is Remix's to render. */
class HandedOver extends Error {}

const isRedirect = (value: unknown): value is Response =>
  value instanceof Response && value.status >= 300 && value.status < 400 && value.headers.has("Location");

function leanAction(route: BuildRoute) {
  const action = route.module.action;
  if (!action) return undefined;
  return async (args: ActionFunctionArgs) => {
    const run = actionRuns.get(args.context as object);
    if (!run) throw new Error("a lean action ran without being watched");
    let returned: unknown;
    try {
      returned = await action({ ...args, context: args.context as AppLoadContext });
    } catch (threw) {
      run.outcome = { routeId: route.id, threw };
      throw new HandedOver();
    }
    if (!isRedirect(returned)) {
      run.outcome = { routeId: route.id, returned };
      throw new HandedOver();
    }
    run.redirect = returned;
    return returned;
  };
}

function routeObject(route: BuildRoute, children: RouteObject[]): RouteObject {
  const { module } = route;
  const loader = module.loader;
  const base = {
    action: leanAction(route),
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

/** A segment of an address as React Router compares it: decoded and, as routes are by default, in any case. */
function comparable(segment: string): string | null {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A static handler per second segment under a one-segment top route ("learn" → "e", "journal", …):
 * a child whose path starts with another fixed segment can never match, so each router holds only
 * the children that could. Children whose path starts with a parameter, and layouts without a path,
 * are in all of them; index routes without a path only where there is no second segment. Matching
 * ranks each route on its own, so leaving out routes that cannot match never changes which one wins.
 */
function bySecondSegment(children: BuildRoute[], handlerOf: (children: BuildRoute[]) => StaticHandler) {
  const fixedStart = (route: BuildRoute) => {
    const first = (route.path ?? "").split("/")[0] ?? "";
    return first === "" || /[:*?]/.test(first) ? null : first.toLowerCase();
  };
  const atTopOnly = (route: BuildRoute) => route.index && !route.path;
  const anywhere = children.filter((route) => !atTopOnly(route) && fixedStart(route) === null);
  const names = new Set(children.map(fixedStart).filter((name): name is string => name !== null));
  const handlers = new Map<string, StaticHandler>();
  for (const name of names) {
    handlers.set(name, handlerOf(children.filter((route) => fixedStart(route) === name || anywhere.includes(route))));
  }
  const bare = handlerOf(children.filter((route) => atTopOnly(route) || anywhere.includes(route)));
  const other = handlerOf(anywhere);
  return (segment: string | undefined): StaticHandler | null => {
    if (segment === undefined || segment === "") return bare;
    const name = comparable(segment);
    if (name === null) return null;
    return handlers.get(name) ?? other;
  };
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

  type Subtree = (second: string | undefined) => StaticHandler | null;
  const subtrees = new Map<string, Subtree>();
  for (const top of leanSubtrees(all)) {
    const segment = firstSegment(top);
    const siblings = all.filter((route) => route.parentId === "root" && firstSegment(route) === segment);
    const oneTop = siblings.length === 1 && top.path === segment && !top.index;
    if (oneTop) {
      const handlerOf = (children: BuildRoute[]) =>
        createStaticHandler([routeObject(root, [routeObject(top, children.map(objectOf))])]);
      subtrees.set(segment, bySecondSegment(byParent.get(top.id) ?? [], handlerOf));
    } else {
      const whole = createStaticHandler([routeObject(root, siblings.map(objectOf))]);
      subtrees.set(segment, () => whole);
    }
  }
  return {
    /** The router to match this address with, or null when no page without client code could answer it. */
    routerFor: (pathname: string): StaticHandler | null => {
      const [, first = "", second] = pathname.split("/");
      return subtrees.get(first)?.(second) ?? null;
    },
  };
}
