import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CohortFields } from "~/components/cohort-fields";
import { ArchiveCohort } from "~/components/cohorts/archive-cohort";
import { CohortFacilitators } from "~/components/cohorts/cohort-facilitators";
import { ErrorSummary } from "~/components/form";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return cohorts.detailsPage(ctx, paramId(params, "cohortId"));
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const cohortId = paramId(params, "cohortId");
    const here = redirect(`/cohorts/${cohortId}/details`);
    return dispatch(request, ctx, {
      details: intent({
        schema: cohorts.cohortDetailsSchema,
        run: (ctx, input) => {
          cohorts.updateCohort(ctx, cohortId, input);
          return here;
        },
      }),
      facilitator: intent({
        schema: cohorts.facilitatorSchema,
        run: (ctx, input) => {
          cohorts.setCohortFacilitator(ctx, cohortId, input.userId, input.bio);
          return here;
        },
      }),
      unfacilitate: intent({
        schema: cohorts.memberSchema,
        run: (ctx, input) => {
          cohorts.removeCohortFacilitator(ctx, cohortId, input.userId);
          return here;
        },
      }),
      archive: intent({
        run: (ctx) => {
          cohorts.setCohortArchived(ctx, cohortId, true);
          return here;
        },
      }),
      unarchive: intent({
        run: (ctx) => {
          cohorts.setCohortArchived(ctx, cohortId, false);
          return here;
        },
      }),
    });
  });

export default function Details() {
  const { cohort, facilitators, candidates } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const stateFor = (intent: string) => (state?.intent === intent ? state : undefined);
  return (
    <div className="two-columns">
      <div>
        <CohortFacilitators facilitators={facilitators} candidates={candidates} addState={stateFor("facilitator")} />
      </div>
      <div>
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={stateFor("details")} />
            <CohortFields state={stateFor("details")} cohort={cohort} />
            <div className="actions">
              <button type="submit" name="intent" value="details">
                Save details
              </button>
            </div>
          </Form>
        </section>
        <ArchiveCohort cohort={cohort} />
      </div>
    </div>
  );
}
