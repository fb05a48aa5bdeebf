import type { FormProps } from "@remix-run/react";
import { UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createContext, createElement, type ReactNode, useContext } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { PageForm, PageLink, PageNavLink, StaticDocument } from "./page-links";

/**
 * On a page without client code, the links and forms render what Remix's render, but for the
 * `data-discover` attribute only the client router reads: checked here against Remix's own, through
 * React Router's static router, for every kind of address the app uses.
 */

const remix = { manifest: { routes: {} }, routeModules: {}, future: {}, isSpaMode: false, renderMeta: {} };

/** What the matched route renders in one case, and whether its page has client code. */
const Case = createContext<{ body: () => ReactNode; isStatic: boolean }>({ body: () => null, isStatic: false });

function Leaf() {
  const { body, isStatic } = useContext(Case);
  return createElement(StaticDocument.Provider, { value: isStatic }, body());
}

async function render(url: string, body: () => ReactNode, isStatic: boolean) {
  const routes = [
    {
      id: "root",
      path: "/",
      children: [
        { id: "home", index: true, Component: Leaf },
        { id: "section", path: "learn/e/:enrolmentId/s/:section", Component: Leaf },
        { id: "journal", path: "learn/journal", children: [{ id: "journal-index", index: true, Component: Leaf }] },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    createElement(
      Case.Provider,
      { value: { body, isStatic } },
      createElement(
        RemixContext.Provider,
        { value: remix as never },
        createElement(StaticRouterProvider, { router, context, hydrate: false }),
      ),
    ),
  );
}

/** Attributes in one order, without the one attribute the plain elements leave out. */
function comparable(html: string) {
  return html
    .replace(/ data-discover="true"/g, "")
    .replace(/<(\w+)((?: [\w-]+="[^"]*")*)>/g, (_, tag: string, attributes: string) => {
      const sorted = (attributes.match(/ [\w-]+="[^"]*"/g) ?? []).sort().join("");
      return `<${tag}${sorted}>`;
    });
}

async function expectSame(url: string, body: () => ReactNode) {
  const theirs = await render(url, body, false);
  const ours = await render(url, body, true);
  expect(theirs).not.toBe("");
  expect(comparable(ours)).toBe(comparable(theirs));
  return ours;
}

const SECTION = "/learn/e/abc/s/2";

describe("links on a page without client code", () => {
  it.each([
    ["an absolute address", "/learn/e/abc"],
    ["an address with a query and a fragment", "/support?from=section#call"],
    ["a query on this page", "?shown=1"],
    ["a fragment on this page", "#check-1"],
    ["a relative address", "../1"],
    ["the page itself", "."],
  ])("render as Remix's do for %s", async (_, to) => {
    await expectSame(`${SECTION}?shown=1`, () =>
      createElement(PageLink, { to, className: "button", "aria-describedby": "hint" }, "Go"),
    );
  });

  it("leave out what only the client router uses", async () => {
    const html = await expectSame(SECTION, () =>
      createElement(PageLink, { to: "/support", reloadDocument: true, prefetch: "intent", replace: true }, "Support"),
    );
    expect(html).toBe('<a href="/support">Support</a>');
  });
});

describe("navigation links on a page without client code", () => {
  it.each([
    ["the current page", SECTION, undefined],
    ["a page above the current one", "/learn", undefined],
    ["a page above, with end", "/learn", true],
    ["another page", "/account", undefined],
    ["a page differing only in case", "/LEARN", undefined],
    ["an address with a trailing slash", "/learn/", undefined],
  ])("mark the current page as Remix's do: %s", async (_, to, end) => {
    await expectSame(SECTION, () => createElement(PageNavLink, { to, end, prefetch: "intent" }, "Mine"));
    await expectSame(SECTION, () => createElement(PageNavLink, { to, end, className: "nav" }, "Mine"));
  });

  it("say which page is current", async () => {
    const html = await expectSame(SECTION, () => createElement(PageNavLink, { to: "/learn" }, "My learning"));
    expect(html).toBe('<a aria-current="page" class="active" href="/learn">My learning</a>');
  });
});

describe("forms on a page without client code", () => {
  it.each<[string, string, FormProps]>([
    ["an absolute action", SECTION, { method: "post", action: "/logout", className: "inline-form" }],
    ["no action: this page, its query kept", `${SECTION}?shown=1`, { method: "post" }],
    ["no action on an index route: ?index added", "/learn/journal?q=x", { method: "post" }],
    ["no method: a GET", "/learn/journal", { action: "/learn/journal", role: "search" }],
    ["a file upload", SECTION, { method: "post", encType: "multipart/form-data" }],
    ["a relative action", SECTION, { method: "post", action: "../1" }],
    ["a query as the action", `${SECTION}?shown=1`, { method: "post", action: "?saved=1" }],
    ["a fragment as the action", `${SECTION}?shown=1`, { method: "post", action: "#plan" }],
  ])("render as Remix's do with %s", async (_, url, props) => {
    await expectSame(url, () => createElement(PageForm, props, createElement("button", { type: "submit" }, "Save")));
  });
});
