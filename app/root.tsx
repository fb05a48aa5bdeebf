import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { PageForm, PageLink, PageNavLink, StaticDocument } from "./components/page-links";
import { errorText } from "./lib/error-text";
import { useNonce } from "./lib/nonce";
import { DOUBLE_ESCAPE_MS, QUICK_EXIT_HINT, QUICK_EXIT_URL, quickExitScript } from "./lib/quick-exit";
import { loadShell } from "./lib/shell.server";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => loadShell(request, context);

/**
 * A route opts out of client JavaScript with `handle = { hydrate: false }` (the learner pages do).
 * `description` refines the page's meta description; the deepest route that has one wins.
 */
export type RouteHandle = { hydrate?: boolean; description?: string };

/**
 * Every page gets a description. It is not in `meta`, since a child route's meta replaces its
 * parent's: one forgotten route would lose it.
 */
const DEFAULT_DESCRIPTION =
  "Alongside: training for peer supporters, made with peer supporters. Write modules together, publish courses, and learn at your own pace with support always in reach.";

function useHydrate() {
  return !useMatches().some((m) => (m.handle as RouteHandle | undefined)?.hydrate === false);
}

function usePageDescription() {
  const handles = useMatches().map((m) => (m.handle ?? {}) as RouteHandle);
  return handles.findLast((h) => h.description)?.description ?? DEFAULT_DESCRIPTION;
}

type Shell = Awaited<ReturnType<typeof loadShell>>;

/**
 * Learner pages and the support page are server-rendered documents without client code; links to
 * them load a fresh document so they stay that way (and their quick exit works as designed).
 */
function serverOnly(path: string) {
  return path === "/support" || path === "/learn" || path.startsWith("/learn/");
}

/**
 * Quick exit is on every page, for everyone: whoever might be looking over a shoulder, a learner can
 * reach any page (their account, a missing page) and must be able to leave from it. It stays in the
 * corner of the screen as the page scrolls.
 */
function QuickExit() {
  return (
    <>
      <a
        href={QUICK_EXIT_URL}
        className="quick-exit"
        data-quick-exit=""
        rel="noreferrer"
        aria-describedby="quick-exit-hint"
      >
        Quick exit
      </a>
      <span id="quick-exit-hint" className="visually-hidden">
        {QUICK_EXIT_HINT}
      </span>
    </>
  );
}

function Header({ shell }: { shell: Shell | undefined }) {
  return (
    <header className="site-header">
      <div className="header-inner">
        <PageLink to="/" className="brand">
          Alongside
        </PageLink>
        {shell?.user ? (
          <nav aria-label="Main">
            <ul className="nav-list">
              {shell.nav.map((item) => (
                <li key={item.to}>
                  <PageNavLink to={item.to} prefetch="intent" reloadDocument={serverOnly(item.to)}>
                    {item.label}
                  </PageNavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          <PageLink to="/support" className="support-link" reloadDocument>
            Support now
          </PageLink>
          <QuickExit />
          {shell?.user ? (
            <>
              <PageLink to="/account" className="account-link">
                <span className="visually-hidden">Your account: </span>
                {shell.user.name}
                {shell.organisation ? <span className="org-name"> · {shell.organisation.name}</span> : null}
              </PageLink>
              <PageForm method="post" action="/logout" className="inline-form">
                <button type="submit" className="button-link">
                  Log out
                </button>
              </PageForm>
            </>
          ) : (
            <PageLink to="/login">Log in</PageLink>
          )}
        </div>
      </div>
    </header>
  );
}

/** On hydrated pages the root does what the inline quick exit script does on the others. */
function useQuickExit(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let lastEscape = 0;
    const leave = () => window.location.replace(QUICK_EXIT_URL);
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[data-quick-exit]");
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      leave();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") {
        lastEscape = 0;
        return;
      }
      if (lastEscape && event.timeStamp - lastEscape < DOUBLE_ESCAPE_MS) leave();
      else lastEscape = event.timeStamp;
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [enabled]);
}

function Document({ children, shell }: { children: ReactNode; shell: Shell | undefined }) {
  const nonce = useNonce();
  const hydrate = useHydrate();
  const description = usePageDescription();
  useQuickExit(hydrate);
  return (
    <StaticDocument.Provider value={!hydrate}>
      <html lang="en-GB">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="description" content={description} />
          <Meta />
          <Links />
        </head>
        <body>
          <a href="#main" className="skip-link">
            Skip to main content
          </a>
          <Header shell={shell} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>
              Alongside: training made with peer supporters, for peer supporters.{" "}
              <PageLink to="/support">Support is always here</PageLink>.
            </p>
          </footer>
          {hydrate ? null : (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script of our own, allowed by its hash in the CSP
            <script dangerouslySetInnerHTML={{ __html: quickExitScript }} />
          )}
          {hydrate ? (
            <>
              <ScrollRestoration nonce={nonce} />
              <Scripts nonce={nonce} />
            </>
          ) : null}
        </body>
      </html>
    </StaticDocument.Provider>
  );
}

/**
 * After a client-side page change, keyboard and screen reader users start at the new page's main
 * content, as they would after a full page load.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById("main")?.focus();
  }, [pathname]);
}

export default function App() {
  const shell = useLoaderData<typeof loader>();
  useFocusOnNavigation();
  return (
    <Document shell={shell}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const matches = useMatches();
  const shell = matches.find((m) => m.id === "root")?.data as Shell | undefined;
  const { title, message } = isRouteErrorResponse(error)
    ? errorText(error.status, (error.data as { message?: string } | undefined)?.message)
    : errorText(500);
  return (
    <Document shell={shell}>
      <div className="narrow">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <PageLink to="/">Go to your start page</PageLink> or{" "}
          <PageLink to="/support">see support you can reach now</PageLink>.
        </p>
      </div>
    </Document>
  );
}
