import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/lib/audit.server";
import { requireAllowed } from "~/lib/auth.server";
import { assignmentToExport, STALE_EXPORT } from "~/lib/cohorts.server";
import { notFound, paramId, resource } from "~/lib/http.server";
import { cohortStatementsFor } from "~/lib/xapi.server";

/** A cohort's progress on one assignment as xAPI 1.0.3 statements (JSON), for import into an LRS. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    const wanted = new URL(request.url).searchParams.get("assignment");
    const assignment = assignmentToExport(db, actor.orgId, cohortId, wanted);
    if (!assignment) notFound(STALE_EXPORT);
    const exported = cohortStatementsFor(request, context, actor, cohortId, assignment.id);
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
