import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { PageForm, PageLink } from "~/components/page-links";
import { EntryPicker } from "~/components/supervision/entry-picker";
import { SelfCarePlanChoice } from "~/components/supervision/self-care-plan-choice";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Change a supervision page · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const page = supervision.supervisionPage(ctx, paramId(params, "pageId"));
    return {
      page: {
        id: page.id,
        title: page.title,
        points: page.points,
        entryIds: page.entryIds,
        includeSelfCarePlan: page.includeSelfCarePlan,
      },
      journal: page.journal,
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const id = paramId(params, "pageId");
    return dispatch(request, ctx, {
      save: intent({
        schema: supervision.supervisionPageSchema,
        run: (ctx, input) => {
          supervision.updateSupervisionPage(ctx, id, input);
          return redirect(`/learn/supervision/${id}?saved=1`);
        },
      }),
    });
  });

export default function EditSupervisionPage() {
  const { page, journal } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p>
        <PageLink to={`/learn/supervision/${page.id}`}>Back to the page</PageLink>
      </p>
      <h1>Change “{page.title}”</h1>
      <PageForm method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field label="Title" name="title" state={state} defaultValue={page.title} maxLength={120} />
        <Field
          label="Points I want to raise"
          name="points"
          multiline
          state={state}
          defaultValue={page.points}
          maxLength={5000}
        />
        <EntryPicker entries={journal} state={state} chosen={page.entryIds} />
        <SelfCarePlanChoice checked={page.includeSelfCarePlan} />
        <div className="actions">
          <button type="submit" name="intent" value="save">
            Save changes
          </button>
        </div>
      </PageForm>
    </div>
  );
}
