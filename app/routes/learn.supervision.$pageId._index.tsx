import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/layout";
import { PageForm, PageLink } from "~/components/page-links";
import { SharePanel } from "~/components/supervision/share-panel";
import { SupervisionDocument } from "~/components/supervision/supervision-document";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "For my supervision · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const id = paramId(params, "pageId");
    const page = supervision.supervisionPage(ctx, id);
    return {
      page: {
        id: page.id,
        title: page.title,
        points: page.points,
        entries: page.entries,
        selfCarePlan: page.selfCarePlan,
      },
      share: supervision.shareOf(ctx, id),
      supervisors: supervision.supervisorsToShareWith(ctx),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const id = paramId(params, "pageId");
    return dispatch(request, ctx, {
      share: intent({
        schema: supervision.shareSchema,
        run: (ctx, input) => {
          supervision.sharePage(ctx, id, input.supervisorId);
          return redirect(`/learn/supervision/${id}?shared=1`);
        },
      }),
      revoke: intent({
        run: (ctx) => {
          supervision.revokeShare(ctx, id);
          return redirect(`/learn/supervision/${id}?revoked=1`);
        },
      }),
      delete: intent({
        run: (ctx) => {
          supervision.deleteSupervisionPage(ctx, id);
          return redirect("/learn/supervision?deleted=1");
        },
      }),
    });
  });

export default function SupervisionPage() {
  const { page, share, supervisors } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="narrow stack">
      <p className="no-print">
        <PageLink to="/learn/supervision">Back to my supervision pages</PageLink>
      </p>
      <div className="no-print">
        {params.get("made") ? (
          <Notice tone="success">Your supervision page is ready. Only you can see it.</Notice>
        ) : null}
        {params.get("saved") ? <Notice tone="success">Your changes are saved.</Notice> : null}
        {params.get("shared") && share ? (
          <Notice tone="success">A copy is shared with {share.supervisorName}.</Notice>
        ) : null}
        {params.get("revoked") ? <Notice tone="success">You stopped sharing this page.</Notice> : null}
      </div>
      <SupervisionDocument {...page} />
      <section className="card stack no-print" aria-labelledby="keep-heading">
        <h2 id="keep-heading">Print, download or change it</h2>
        <p>To print it, use your browser's Print: only the page itself is printed.</p>
        <ul>
          <li>
            <a href={`/learn/supervision/${page.id}/download.html`} download>
              Download as a web page (HTML)
            </a>
          </li>
          <li>
            <a href={`/learn/supervision/${page.id}/download.md`} download>
              Download as a text file (Markdown)
            </a>
          </li>
          <li>
            <PageLink to={`/learn/supervision/${page.id}/edit`}>Change this page</PageLink>
          </li>
        </ul>
      </section>
      <SharePanel share={share} supervisors={supervisors} state={state} />
      <PageForm method="post" className="card no-print">
        <p>Deleting removes this page for good, and any copy you shared. Your journal entries stay.</p>
        <button type="submit" name="intent" value="delete" className="button-secondary">
          Delete this supervision page
        </button>
      </PageForm>
    </div>
  );
}
