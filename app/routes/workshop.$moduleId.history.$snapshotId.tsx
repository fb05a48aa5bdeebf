import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { history } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return history.snapshotPage(ctx, paramId(params, "moduleId"), paramId(params, "snapshotId"));
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const snapshotId = paramId(params, "snapshotId");
    return dispatch(request, ctx, {
      restore: intent({
        run: async (ctx) => {
          await history.restoreSnapshot(ctx, context.runtime.collab, moduleId, snapshotId);
          // The editor page confirms which version came back.
          return redirect(`/workshop/${moduleId}?restored=${snapshotId}`);
        },
      }),
    });
  });

export default function SnapshotView() {
  const { moduleId, snapshot, html, canRestore } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/workshop/${moduleId}/history`}>Back to history</Link>
      </p>
      <h2>{snapshot.name}</h2>
      <p className="muted">
        Revision {snapshot.revision} · taken {formatDateTime(snapshot.createdAt)} by{" "}
        {snapshot.createdBy ?? "a former member"} · read-only
      </p>
      {canRestore ? (
        <Form method="post" className="card">
          <p>
            Restoring makes the module match this version, as a new change that everyone working on it sees at once.
            Nothing is lost: the current text is kept as a snapshot first.
          </p>
          <button type="submit" name="intent" value="restore">
            Restore this version
          </button>
        </Form>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server from the schema-checked snapshot */}
      <article className="editor-frame preview" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
