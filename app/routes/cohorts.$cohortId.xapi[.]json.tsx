import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { xapi } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";

/** A cohort's progress on one assignment as xAPI 1.0.3 statements (JSON), for import into an LRS. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const url = new URL(request.url);
    const file = xapi.downloadStatements(ctx, paramId(params, "cohortId"), url.searchParams.get("assignment"), {
      config: context.runtime.config,
      requestOrigin: url.origin,
      ip: context.ip,
    });
    return new Response(file.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
