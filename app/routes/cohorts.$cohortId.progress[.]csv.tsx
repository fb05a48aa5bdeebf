import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";

/** The cohort's progress on one assignment, as a CSV download. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const wanted = new URL(request.url).searchParams.get("assignment");
    const file = cohorts.downloadProgress(ctx, paramId(params, "cohortId"), wanted, { ip: context.ip });
    return new Response(file.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
