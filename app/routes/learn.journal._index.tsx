import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, Notice, PageHeader } from "~/components/layout";
import { PageLink } from "~/components/page-links";
import { BringToSupervision } from "~/components/supervision/bring-to-supervision";
import { requireContext } from "~/lib/auth.server";
import { learning, supervision } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "My reflection journal · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    return { entries: learning.listJournal(await requireContext(request, context)) };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(request, ctx, {
      supervision: intent({
        schema: supervision.supervisionPageSchema,
        run: (ctx, input) => redirect(`/learn/supervision/${supervision.createSupervisionPage(ctx, input).id}?made=1`),
      }),
    });
  });

export default function Journal() {
  const { entries } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <PageLink to="/learn">Back to my learning</PageLink>
      </p>
      <PageHeader
        title="My reflection journal"
        lead="Private to you. Trainers and facilitators never see it. You could take it to supervision, if you want to."
      />
      <p>
        <PageLink to="/learn/journal/self-care">My self-care plan</PageLink>
      </p>
      {params.get("deleted") ? <Notice tone="success">That entry is deleted.</Notice> : null}
      {params.get("saved") ? <Notice tone="success">Your entry is saved.</Notice> : null}
      {entries.length > 0 ? (
        <p>
          <a href="/learn/journal/export" download>
            Download my journal (a text file)
          </a>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <EmptyState title="No entries yet">
          <p>When a course asks you to reflect, what you write is kept here for you alone.</p>
        </EmptyState>
      ) : (
        <BringToSupervision entries={entries} state={state} />
      )}
    </>
  );
}
