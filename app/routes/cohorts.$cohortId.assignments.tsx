import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AssignTraining } from "~/components/cohorts/assign-training";
import { AssignmentCard } from "~/components/cohorts/assignment-card";
import { ErrorSummary } from "~/components/form";
import { Notice } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return cohorts.assignmentsPage(ctx, paramId(params, "cohortId"));
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const cohortId = paramId(params, "cohortId");
    const here = `/cohorts/${cohortId}/assignments`;
    const form = await readForm(request);
    return dispatch(
      request,
      ctx,
      {
        assign: intent({
          schema: cohorts.assignmentSchema,
          run: (ctx, input) => {
            cohorts.assign(ctx, cohortId, input);
            return redirect(`${here}?assigned=1`);
          },
        }),
        move: intent({
          schema: cohorts.assignmentIdSchema,
          run: (ctx, input) => {
            const { moved } = cohorts.moveToLatestVersion(ctx, cohortId, input.assignmentId);
            return redirect(`${here}?moved=${moved}`);
          },
        }),
        due: intent({
          schema: cohorts.dueDateSchema,
          run: (ctx, input) => {
            cohorts.changeDueDate(ctx, cohortId, input.assignmentId, input.dueOn);
            return redirect(here);
          },
        }),
        "self-paced": intent({
          schema: cohorts.selfPacedOfferSchema,
          run: (ctx, input) => {
            cohorts.offerSelfPacedRoute(ctx, cohortId, input.assignmentId, input.offered);
            return redirect(here);
          },
        }),
        remove: intent({
          schema: cohorts.assignmentIdSchema,
          run: (ctx, input) => {
            cohorts.removeAssignment(ctx, cohortId, input.assignmentId);
            return redirect(here);
          },
        }),
      },
      // Each assignment has its own due date form: its messages are shown beside it.
      { form, intentOf: { due: `due-${String(form.get("assignmentId"))}` } },
    );
  });

export default function Assignments() {
  const { assignments, courses, modules } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const moved = params.get("moved");
  const claimed = new Set<string | undefined>(["assign", ...assignments.map((a) => `due-${a.id}`)]);
  return (
    <div className="two-columns">
      <section aria-labelledby="assigned-title">
        <h2 id="assigned-title">Assigned</h2>
        {params.get("assigned") ? (
          <Notice tone="success">Assigned. Everyone in the cohort can see it in My learning.</Notice>
        ) : null}
        {moved ? (
          <Notice tone="success">
            {moved} {moved === "1" ? "learner" : "learners"} moved to the new version. Their completed modules still
            count, and they were told what changed.
          </Notice>
        ) : null}
        {/* A card shows its own due date's problems; anything no card or form claims (a forged id) shows here. */}
        <ErrorSummary state={state && !claimed.has(state.intent) ? state : undefined} />
        {assignments.length === 0 ? (
          <p>Nothing yet.</p>
        ) : (
          <ul className="plain-list">
            {assignments.map((a) => (
              <AssignmentCard
                key={a.id}
                assignment={a}
                dueState={state?.intent === `due-${a.id}` ? state : undefined}
              />
            ))}
          </ul>
        )}
      </section>
      <AssignTraining
        courses={courses}
        modules={modules}
        assignState={state?.intent === "assign" ? state : undefined}
      />
    </div>
  );
}
