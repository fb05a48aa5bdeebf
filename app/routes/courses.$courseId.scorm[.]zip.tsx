import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { packages } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { paramId, resource } from "~/lib/http.server";
import { zipDownload } from "~/lib/zip-download.server";

/** The export is a recorded act, so it is asked for with a POST; the address itself leads to the course. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/courses/${paramId(params, "courseId")}`);

/** The course's latest published version as a SCORM 1.2 package. */
export const action = ({ request, context, params }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const form = await readForm(request);
    const options = { score: form.get("score") ?? undefined };
    const file = packages.exportScorm(ctx, paramId(params, "courseId"), options, { ip: context.ip });
    return zipDownload(file);
  });
