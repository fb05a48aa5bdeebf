import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { packages } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";
import { zipDownload } from "~/lib/zip-download.server";

/** The export is a recorded act, so it is asked for with a POST; the address itself leads to the course. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/courses/${paramId(params, "courseId")}`);

/** The course's latest published version as a cmi5 package, its activity ids under this app's address. */
export const action = ({ request, context, params }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const from = { ip: context.ip, origin: new URL(request.url).origin };
    return zipDownload(packages.exportCmi5(ctx, paramId(params, "courseId"), from));
  });
