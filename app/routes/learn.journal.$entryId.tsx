import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { PageForm, PageLink } from "~/components/page-links";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Journal entry · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const entry = learning.journalEntry(ctx, paramId(params, "entryId"));
    return { entry: { id: entry.id, prompt: entry.prompt, body: entry.body } };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const id = paramId(params, "entryId");
    return dispatch(request, ctx, {
      delete: intent({
        run: (ctx) => {
          learning.deleteJournalEntry(ctx, id);
          return redirect("/learn/journal?deleted=1");
        },
      }),
      save: intent({
        schema: learning.journalEntrySchema,
        run: (ctx, input) => {
          learning.updateJournalEntry(ctx, id, input.body);
          return redirect("/learn/journal?saved=1");
        },
      }),
    });
  });

export default function JournalEntry() {
  const { entry } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p>
        <PageLink to="/learn/journal">Back to my journal</PageLink>
      </p>
      <h1>{entry.prompt}</h1>
      <PageForm method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field label="Your entry" name="body" multiline state={state} defaultValue={entry.body} maxLength={5000} />
        <div className="actions">
          <button type="submit" name="intent" value="save">
            Save changes
          </button>
        </div>
      </PageForm>
      <PageForm method="post" className="card">
        <p>Deleting removes this entry for good.</p>
        <button type="submit" name="intent" value="delete" className="button-secondary">
          Delete this entry
        </button>
      </PageForm>
    </div>
  );
}
