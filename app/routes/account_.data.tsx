import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { visitContext } from "~/lib/auth.server";
import { privacy } from "~/lib/domain.server";
import { resource } from "~/lib/http.server";
import { zipDownload } from "~/lib/zip-download.server";

/** A GET writes nothing: the download is asked for from the account page's form. */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  resource({ request, context }, () => redirect("/account"));

/** The person's own data as one zip, never cached: it holds their journal. */
export const action = ({ request, context }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const visit = await visitContext(request, context);
    if (!visit.userId) return redirect("/login?next=/account");
    return zipDownload(privacy.downloadMyData(visit, { ip: context.ip }));
  });
