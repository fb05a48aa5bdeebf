import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, visitContext } from "~/lib/auth.server";
import { account } from "~/lib/domain.server";
import { resource } from "~/lib/http.server";

/** Logging out changes state, so it is POST only; a GET simply goes home. */
export const loader = ({ request, context }: LoaderFunctionArgs) => resource({ request, context }, () => redirect("/"));

export const action = ({ request, context }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const visit = await visitContext(request, context);
    const { cookie } = await endSession(request, context);
    account.loggedOut(visit, { ip: context.ip });
    // The pages this person saw stay out of the browser's cache, and what it kept anyway is dropped, so
    // Back shows nothing private to whoever uses this browser next.
    return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie, "Clear-Site-Data": '"cache"' } });
  });
