import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AddFromOrganisation } from "~/components/cohorts/add-from-organisation";
import { CohortLearners } from "~/components/cohorts/cohort-learners";
import { CohortLink } from "~/components/cohorts/cohort-link";
import { CsvImport, type Imported } from "~/components/cohorts/csv-import";
import { MoveRequests } from "~/components/cohorts/move-requests";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

type Preview = ReturnType<typeof cohorts.previewLearnerList>;

/** What the page shows after a link is made, a list previewed or a list imported. */
function shown(intent: string, parts: { link?: string; preview?: Preview; imported?: Imported }) {
  return {
    ok: true as const,
    intent,
    link: parts.link ?? null,
    preview: parts.preview?.rows ?? null,
    accepted: parts.preview?.accepted ?? "",
    imported: parts.imported ?? null,
  };
}

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return cohorts.learnersPage(ctx, paramId(params, "cohortId"));
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const cohortId = paramId(params, "cohortId");
    const keys = { secret: context.runtime.config.SESSION_SECRET };
    const joinLink = (token: string) => `${new URL(request.url).origin}/join/${token}`;
    return dispatch(request, ctx, {
      add: intent({
        schema: cohorts.memberSchema,
        run: (ctx, input) => {
          cohorts.addCohortMember(ctx, cohortId, input.userId);
          return redirect(`/cohorts/${cohortId}/learners`);
        },
      }),
      remove: intent({
        schema: cohorts.memberSchema,
        run: (ctx, input) => {
          cohorts.removeCohortMember(ctx, cohortId, input.userId);
          return redirect(`/cohorts/${cohortId}/learners`);
        },
      }),
      move: intent({
        schema: cohorts.moveRequestIdSchema,
        run: (ctx, input) => {
          cohorts.moveLearner(ctx, cohortId, input.requestId);
          return redirect(`/cohorts/${cohortId}/learners`);
        },
      }),
      keep: intent({
        schema: cohorts.moveRequestIdSchema,
        run: (ctx, input) => {
          cohorts.keepLearner(ctx, cohortId, input.requestId);
          return redirect(`/cohorts/${cohortId}/learners`);
        },
      }),
      link: intent({
        run: (ctx) => shown("link", { link: joinLink(cohorts.createCohortLink(ctx, cohortId, keys).token) }),
      }),
      preview: intent({
        run: async (ctx, _input, form) => {
          const file = form.get("file");
          const upload =
            file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
          return shown("preview", { preview: cohorts.previewLearnerList(ctx, cohortId, upload) });
        },
      }),
      import: intent({
        schema: cohorts.learnerRowsSchema,
        run: (ctx, input) => {
          return shown("import", { imported: cohorts.importLearnerList(ctx, cohortId, input.rows, keys) });
        },
      }),
    });
  });

export default function Learners() {
  const { cohortId, members, invitees, candidates, moveRequests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const success = result?.ok ? result : undefined;
  return (
    <div className="two-columns">
      <CohortLearners
        cohortId={cohortId}
        members={members}
        invitees={invitees}
        failure={failure?.intent === "add" || failure?.intent === "remove" ? failure : undefined}
      />
      <div>
        <MoveRequests requests={moveRequests} />
        <AddFromOrganisation candidates={candidates} />
        <CohortLink link={success?.link ?? null} />
        <CsvImport
          cohortId={cohortId}
          preview={success?.preview ?? null}
          accepted={success?.accepted ?? ""}
          imported={success?.imported ?? null}
          failure={failure}
        />
      </div>
    </div>
  );
}
