import {
  Form,
  type FormProps,
  Link,
  type LinkProps,
  NavLink,
  type NavLinkProps,
  useFormAction,
  useHref,
  useLocation,
} from "@remix-run/react";
import { createContext, useContext } from "react";

/**
 * Links and forms for components that render on pages with and without client code (ADR 43).
 *
 * On a page with client code they are Remix's, which navigate without a full load. On a page without
 * (the learner pages) nothing could use what Remix's add, and working out their client-side behaviour
 * (resolving each address against the route tree, prefetching, discovery) was a third of rendering
 * such a page. There they are the plain elements Remix's would render, minus the `data-discover`
 * attribute that only the client router reads.
 */
export const StaticDocument = createContext(false);

type Attributes = Record<string, unknown>;
/** Remix's own props, which mean something only to the client router. */
const CLIENT_ONLY = [
  "prefetch",
  "reloadDocument",
  "replace",
  "state",
  "preventScrollReset",
  "viewTransition",
  "discover",
  "navigate",
  "fetcherKey",
  "relative",
];

function withoutClientProps(props: Attributes): Attributes {
  const rest = { ...props };
  for (const name of CLIENT_ONLY) delete rest[name];
  return rest;
}

/** An address already absolute, or one relative to this page's path ("?a=b", "#part"); else null. */
function resolvedHere(to: unknown, pathname: string): string | null {
  if (typeof to !== "string") return null;
  if (to.startsWith("/") && !to.startsWith("//")) return to;
  if (to.startsWith("?")) return `${pathname}${to}`;
  // React Router drops the query for a fragment alone.
  if (to.startsWith("#")) return `${pathname}${to}`;
  return null;
}

function StaticLink({ to, ...props }: LinkProps) {
  const { pathname } = useLocation();
  const href = resolvedHere(to, pathname);
  if (href === null) return <ResolvedLink to={to} {...props} />;
  return <a {...withoutClientProps(props)} href={href} />;
}

/** A relative address, resolved against the route tree as Remix's Link would. */
function ResolvedLink({ to, ...props }: LinkProps) {
  return <a {...withoutClientProps(props)} href={useHref(to)} />;
}

export function PageLink(props: LinkProps) {
  return useContext(StaticDocument) ? <StaticLink {...props} /> : <Link {...props} />;
}

/** As React Router's NavLink decides it: the same path, or (without `end`) a path beneath it. */
function isActive(pathname: string, to: string, end: boolean | undefined) {
  const here = pathname.toLowerCase();
  const target = to.toLowerCase().replace(/(.)\/+$/, "$1");
  return here === target || (!end && here.startsWith(target.endsWith("/") ? target : `${target}/`));
}

function StaticNavLink(all: NavLinkProps) {
  const { to, end, className, children, ...props } = all;
  const { pathname } = useLocation();
  const href = resolvedHere(to, pathname);
  // Anything but a plain absolute address with plain props is left to React Router.
  if (href === null || typeof className === "function" || typeof children === "function") return <NavLink {...all} />;
  const active = isActive(pathname, href.split(/[?#]/)[0] ?? href, end);
  // As React Router writes it: an empty class rather than none.
  const classes = [className, active ? "active" : null].filter(Boolean).join(" ");
  return (
    <a aria-current={active ? "page" : undefined} className={classes} {...withoutClientProps(props)} href={href}>
      {children}
    </a>
  );
}

export function PageNavLink(props: NavLinkProps) {
  return useContext(StaticDocument) ? <StaticNavLink {...props} /> : <NavLink {...props} />;
}

function StaticForm({ action, method, ...props }: FormProps) {
  const { pathname } = useLocation();
  const plain = action === undefined ? null : resolvedHere(action, pathname);
  const attributes = { ...withoutClientProps(props), method: (method ?? "get").toLowerCase() };
  if (plain === null) return <ResolvedForm action={action} attributes={attributes} />;
  return <form {...attributes} action={plain} />;
}

/** Without an action Remix posts to the closest route (with `?index` for an index route): as it does. */
function ResolvedForm({ action, attributes }: { action: string | undefined; attributes: Attributes }) {
  return <form {...attributes} action={useFormAction(action)} />;
}

export function PageForm(props: FormProps) {
  return useContext(StaticDocument) ? <StaticForm {...props} /> : <Form {...props} />;
}
