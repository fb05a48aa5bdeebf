import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type RouteObject } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { leanRoutes } from "./lean-routes.server";

type Route = ServerBuild["routes"][string];

/** Routes shaped as Remix's flat routes give them, under a top route that never hydrates. */
function route(id: string, parentId: string | undefined, path: string | undefined, index = false, hydrate = false) {
  return { id, parentId, path, index, module: { default: () => null, handle: { hydrate } } } as unknown as Route;
}

const routes: Route[] = [
  route("root", undefined, "", false, true),
  route("learn", "root", "learn"),
  route("learn._index", "learn", undefined, true),
  route("learn.e.$id._index", "learn", "e/:id", true),
  route("learn.e.$id.certificate", "learn", "e/:id/certificate"),
  route("learn.e.$id.m.$v.s.$n", "learn", "e/:id/m/:v/s/:n"),
  route("learn.journal._index", "learn", "journal", true),
  route("learn.journal.$entry", "learn", "journal/:entry"),
  route("learn.Help", "learn", "Help"),
  route("learn.$slug", "learn", ":slug"),
  route("learn.(tips)", "learn", "tips?"),
  route("learn._layout", "learn", undefined),
  route("learn._layout.about", "learn._layout", "about"),
  route("workshop", "root", "workshop", false, true),
];
const build = { routes: Object.fromEntries(routes.map((r) => [r.id, r])) } as unknown as ServerBuild;

function tree(parentId: string): RouteObject[] {
  return routes
    .filter((r) => r.parentId === parentId)
    .map((r) => (r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, children: tree(r.id) }));
}
const everything: RouteObject[] = [{ id: "root", path: "", children: tree("root") }];

describe("the lean path's routers", () => {
  it("match every address to the route that matching all the routes would pick", async () => {
    const lean = leanRoutes(build);
    const addresses = [
      "/learn",
      "/learn/",
      "/learn/e/abc",
      "/learn/E/abc/certificate",
      "/learn/%65/abc/m/v1/s/2",
      "/learn/e/abc/m/v1/s/2",
      "/learn/e",
      "/learn/journal",
      "/learn/journal/j1",
      "/learn/help",
      "/learn/anything",
      "/learn/tips",
      "/learn/about",
      "/learn/about/more",
      "/learn/e/abc/nowhere",
    ];
    for (const address of addresses) {
      const expected = matchRoutes(everything, address)?.map((m) => m.route.id) ?? [];
      const handler = lean.routerFor(address);
      if (!handler) throw new Error(`no router for ${address}`);
      const result = await handler.query(new Request(`http://localhost${address}`));
      if (result instanceof Response) throw new Error(`${address} answered a Response`);
      const found = result.statusCode === 200 ? result.matches.map((m) => m.route.id) : [];
      expect(found, address).toEqual(expected);
    }
  });

  it("leave addresses outside the pages without client code, or that cannot be decoded, to Remix", () => {
    const lean = leanRoutes(build);
    expect(lean.routerFor("/workshop")).toBeNull();
    expect(lean.routerFor("/")).toBeNull();
    expect(lean.routerFor("/learn/%E0%A4%A")).toBeNull();
  });
});
