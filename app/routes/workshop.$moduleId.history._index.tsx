import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { LockHistory } from "~/components/workshop/lock-history";
import { SnapshotTable } from "~/components/workshop/snapshot-table";
import { requireContext } from "~/lib/auth.server";
import { history, locks } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    return { moduleId, ...history.listSnapshots(ctx, moduleId), lockHistory: locks.lockHistory(ctx, moduleId) };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    return dispatch(request, ctx, {
      snapshot: intent({
        schema: history.snapshotNameSchema,
        run: async (ctx, input) => {
          await history.takeSnapshot(ctx, context.runtime.collab, moduleId, input.name);
          return redirect(`/workshop/${moduleId}/history`);
        },
      }),
    });
  });

export default function History() {
  const { moduleId, snapshots, canSnapshot, lockHistory } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="two-columns">
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <SnapshotTable moduleId={moduleId} snapshots={snapshots} />
        <LockHistory entries={lockHistory} />
      </section>
      {canSnapshot ? (
        <section className="card" aria-labelledby="snapshot-title">
          <h2 id="snapshot-title">Take a snapshot</h2>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={state} />
            <Field
              label="Name"
              name="name"
              hint="For example: after the Tuesday workshop"
              state={state}
              required
              maxLength={120}
            />
            <div className="actions">
              <button type="submit" name="intent" value="snapshot">
                Take snapshot
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
