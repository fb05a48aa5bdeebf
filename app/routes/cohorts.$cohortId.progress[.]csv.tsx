import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/lib/audit.server";
import { requireAllowed } from "~/lib/auth.server";
import { assignmentToExport, cohortDashboard, progressCsv, STALE_EXPORT } from "~/lib/cohorts.server";
import { notFound, paramId, resource } from "~/lib/http.server";

/** The cohort's progress on one assignment, as a CSV download. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    const wanted = new URL(request.url).searchParams.get("assignment");
    const assignment = assignmentToExport(db, actor.orgId, cohortId, wanted);
    if (!assignment) notFound(STALE_EXPORT);
    const dashboard = cohortDashboard(db, actor.orgId, cohortId, assignment.id);
    recordExport(context, actor, "cohort.progress_exported", cohortId);
    const name = dashboard.cohort.name.replace(/[^\w-]+/g, "-").toLowerCase();
    return new Response(progressCsv(dashboard), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-progress.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
