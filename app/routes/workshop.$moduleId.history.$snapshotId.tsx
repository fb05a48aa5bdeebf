import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { requireActor } from "~/lib/auth.server";
import { getSnapshot, restoreSnapshot } from "~/lib/coproduction.server";
import { handled, paramId } from "~/lib/http.server";
import { openModule, renderDocumentHTML } from "~/lib/workshop.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { access } = openModule(context.runtime.db, actor, moduleId);
    const snapshot = getSnapshot(context.runtime.db, moduleId, paramId(params, "snapshotId"));
    return {
      moduleId,
      snapshot: {
        id: snapshot.id,
        name: snapshot.name,
        revision: snapshot.revision,
        createdAt: snapshot.createdAt,
        createdBy: snapshot.createdByName,
      },
      html: renderDocumentHTML(snapshot.doc),
      canRestore: access.facilitate && access.edit,
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const snapshotId = paramId(params, "snapshotId");
    await restoreSnapshot(context.runtime.db, context.runtime.collab, actor, moduleId, snapshotId);
    // The editor page confirms which version came back.
    return redirect(`/workshop/${moduleId}?restored=${snapshotId}`);
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
