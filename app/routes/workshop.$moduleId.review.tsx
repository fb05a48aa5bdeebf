import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { Notice } from "~/components/layout";
import { OpenSuggestionsCard } from "~/components/workshop/open-suggestions-card";
import { PanelSignoffForm } from "~/components/workshop/panel-signoff-form";
import { PanelSignoffStatus } from "~/components/workshop/panel-signoff-status";
import { PublishCard } from "~/components/workshop/publish-card";
import { PublishedVersions } from "~/components/workshop/published-versions";
import { ReviewRequestsPanel } from "~/components/workshop/review-requests-panel";
import { ReviewStatusCard } from "~/components/workshop/review-status-card";
import { SignoffTable } from "~/components/workshop/signoff-table";
import { WritingHintsCard } from "~/components/workshop/writing-hints-card";
import { YourSignoff } from "~/components/workshop/your-signoff";
import { requireContext } from "~/lib/auth.server";
import { panel, publishing, review, reviewRequests } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const page = await review.reviewPage(ctx, context.runtime.collab, moduleId);
    return {
      ...page,
      versions: publishing.listModuleVersions(ctx, moduleId),
      requests: reviewRequests.moduleReviewRequests(ctx, moduleId),
      panel: await panel.panelReview(ctx, context.runtime.collab, moduleId),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const documents = context.runtime.collab;
    const here = `/workshop/${moduleId}/review`;
    const form = await readForm(request);
    const requestId = String(form.get("requestId") ?? "");
    // Open review pages and editors refresh by themselves: each use case tells what it changed.
    return dispatch(
      request,
      ctx,
      {
        start: intent({
          run: async (ctx) => {
            await review.startReview(ctx, documents, moduleId);
            return redirect(here);
          },
        }),
        draft: intent({
          run: (ctx) => {
            review.returnToDraft(ctx, moduleId);
            return redirect(here);
          },
        }),
        publish: intent({
          schema: publishing.publishSchema,
          run: async (ctx, input) => {
            const published = await publishing.publishModule(ctx, documents, moduleId, input);
            return redirect(`${here}?published=${published.version}`);
          },
        }),
        unpublish: intent({
          run: (ctx) => {
            publishing.unpublishModule(ctx, moduleId);
            return redirect(here);
          },
        }),
        signoff: intent({
          schema: review.signOffSchema,
          run: async (ctx, input) => {
            await review.signOff(ctx, documents, moduleId, input);
            return redirect(here);
          },
        }),
        changes: intent({
          schema: review.requestChangesSchema,
          run: async (ctx, input) => {
            await review.requestChanges(ctx, documents, moduleId, input);
            return redirect(here);
          },
        }),
        panelSignoff: intent({
          schema: panel.panelSignoffSchema,
          run: async (ctx, input) => {
            await panel.signOffAsPanel(ctx, documents, moduleId, input);
            return redirect(`${here}#panel-status-title`);
          },
        }),
        panelChanges: intent({
          schema: panel.panelSignoffSchema,
          run: async (ctx, input) => {
            await panel.requestPanelChanges(ctx, documents, moduleId, input);
            return redirect(`${here}#panel-status-title`);
          },
        }),
        requestReview: intent({
          schema: reviewRequests.reviewRequestSchema,
          run: (ctx, input) => {
            reviewRequests.requestReview(ctx, moduleId, input);
            return redirect(`${here}?asked=1#review-requests`);
          },
        }),
        reviewDone: intent({
          schema: reviewRequests.answerSchema,
          run: (ctx, input) => {
            reviewRequests.answerReviewRequest(ctx, moduleId, input);
            return redirect(`${here}?reviewed=1`);
          },
        }),
      },
      { form, intentOf: { reviewDone: `done-${requestId}` } },
    );
  });

export default function Review() {
  const {
    moduleId,
    status,
    publication,
    review,
    me,
    canFacilitate,
    checklist,
    versions,
    requests,
    writingHints,
    openSuggestions,
    panel: panelReview,
  } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const state = useActionData<typeof action>();
  const mine = review.people.find((p) => p.userId === me);
  return (
    <div className="two-columns">
      <div>
        <ErrorSummary state={state} />
        {params.get("published") ? (
          <Notice tone="success">
            Published as version {params.get("published")}. Trainers can now add it to courses.
          </Notice>
        ) : null}
        {params.get("asked") ? (
          <Notice tone="success">Asked. They are told in Alongside and by email as they chose.</Notice>
        ) : null}
        {params.get("reviewed") ? (
          <Notice tone="success">Thank you. The facilitator can see you are done reviewing.</Notice>
        ) : null}
        <ReviewStatusCard
          moduleId={moduleId}
          status={status}
          publication={publication}
          review={review}
          panelGate={panelReview.gate}
          canFacilitate={canFacilitate}
        />
        <OpenSuggestionsCard moduleId={moduleId} suggestions={openSuggestions} />
        <SignoffTable people={review.people} me={me} />
        <PanelSignoffStatus required={panelReview.required} kinds={panelReview.kinds} gate={panelReview.gate} />
        <WritingHintsCard hints={writingHints} />
        <ReviewRequestsPanel {...requests} stateFor={(intent) => (state?.intent === intent ? state : undefined)} />
      </div>
      <div>
        {canFacilitate ? (
          <PublishCard
            status={status}
            publication={publication}
            review={review}
            openSuggestions={openSuggestions.length}
            panelGate={panelReview.gate}
            nextVersion={(versions[0]?.version ?? 0) + 1}
            firstVersion={versions.length === 0}
            state={state?.intent === "publish" ? state : undefined}
          />
        ) : null}
        <PublishedVersions versions={versions} />
        {status === "in_review" && mine ? (
          <YourSignoff revision={review.revision} stale={mine.state === "stale"} checklist={checklist} state={state} />
        ) : null}
        {status === "in_review"
          ? panelReview.signsAs.map((kind) => (
              <PanelSignoffForm
                key={kind}
                kind={kind}
                revision={panelReview.revision}
                rubric={panelReview.rubric}
                state={state?.intent === "panelSignoff" || state?.intent === "panelChanges" ? state : undefined}
              />
            ))
          : null}
      </div>
    </div>
  );
}
