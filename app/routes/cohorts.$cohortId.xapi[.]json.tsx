import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/lib/audit.server";
import { requireAllowed } from "~/lib/auth.server";
import { handled, notFound, paramId } from "~/lib/http.server";
import { isId } from "~/lib/ids.server";
import { cohortStatementsFor } from "~/lib/xapi.server";

/** A cohort's progress on one assignment as xAPI 1.0.3 statements (JSON), for import into an LRS. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const assignmentId = new URL(request.url).searchParams.get("assignment");
    if (!isId(assignmentId)) notFound();
    const exported = cohortStatementsFor(request, context, actor, cohortId, assignmentId);
    recordExport(context, actor, "cohort.xapi_exported", cohortId);
    const name = exported.cohortName.replace(/[^\w-]+/g, "-").toLowerCase();
    return new Response(JSON.stringify(exported.statements), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-xapi.json"`,
        "Cache-Control": "no-store",
      },
    });
  });
