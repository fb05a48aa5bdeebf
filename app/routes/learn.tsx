import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/root";

/**
 * Every learner page is rendered on the server and works without JavaScript: no client code is
 * sent at all (so nothing of the editor or Yjs either), and a quick exit sits beside "Support now".
 */
export const handle: RouteHandle = { hydrate: false };

export default function LearnLayout() {
  return <Outlet />;
}
