import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordLogout } from "~/lib/audit.server";
import { endSession } from "~/lib/auth.server";

/** Logging out changes state, so it is POST only; a GET simply goes home. */
export const loader = () => redirect("/");

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const { session, cookie } = await endSession(request, context);
  if (session) recordLogout(context, session.user.id);
  // The pages this person saw stay out of the browser's cache, and what it kept anyway is dropped, so
  // Back shows nothing private to whoever uses this browser next.
  throw redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie, "Clear-Site-Data": '"cache"' } });
};
