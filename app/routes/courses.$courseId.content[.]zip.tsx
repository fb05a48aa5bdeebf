import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { packages } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";
import { zipDownload } from "~/lib/zip-download.server";

/** The export is a recorded act, so it is asked for with a POST; the address itself leads to the course. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/courses/${paramId(params, "courseId")}`);

/** The modules of the course's latest published version as Markdown content files, in a zip. */
export const action = ({ request, context, params }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    return zipDownload(packages.exportMarkdown(ctx, paramId(params, "courseId"), { ip: context.ip }));
  });
