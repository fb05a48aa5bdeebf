import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { formatDateTime } from "~/components/layout";
import { requireActor } from "~/lib/auth.server";
import { listSnapshots, snapshotNameSchema, takeSnapshot } from "~/lib/coproduction.server";
import { invalid, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";
import { openModule } from "~/lib/workshop.server";

const KIND_TEXT = {
  manual: "Snapshot",
  review: "Review started",
  publish: "Published",
  before_restore: "Kept before a restore",
} as const;

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { access } = openModule(context.runtime.db, actor, moduleId);
    return { moduleId, snapshots: listSnapshots(context.runtime.db, moduleId), canSnapshot: access.comment };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db, collab } = context.runtime;
    const { access } = openModule(db, actor, moduleId);
    if (!access.comment)
      return invalid({ errors: { form: "Only the module's collaborators take snapshots." }, values: {} });
    const form = await readForm(request);
    const parsed = parseForm(form, snapshotNameSchema);
    if (!parsed.ok) return invalid(parsed);
    await collab.settle(moduleId);
    takeSnapshot(db, {
      moduleId,
      name: parsed.data.name,
      kind: "manual",
      userId: actor.userId,
      doc: collab.current(moduleId),
    });
    return redirect(`/workshop/${moduleId}/history`);
  });

export default function History() {
  const { moduleId, snapshots, canSnapshot } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="two-columns">
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        {snapshots.length === 0 ? (
          <p>
            No snapshots yet. One is taken when review starts and at each publish; you can take one whenever you want to
            mark a moment.
          </p>
        ) : (
          <Form method="get" action={`/workshop/${moduleId}/history/compare`}>
            <table>
              <caption className="visually-hidden">Snapshots of this module, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Taken</th>
                  <th scope="col">Compare from</th>
                  <th scope="col">Compare to</th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s, i) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/workshop/${moduleId}/history/${s.id}`}>{s.name}</Link>
                      <br />
                      <span className="muted">
                        {KIND_TEXT[s.kind]} · revision {s.revision}
                      </span>
                    </td>
                    <td>
                      {formatDateTime(s.createdAt)}
                      <br />
                      <span className="muted">by {s.createdBy ?? "a former member"}</span>
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="from"
                        value={s.id}
                        defaultChecked={i === 1 || (snapshots.length === 1 && i === 0)}
                        aria-label={`Compare from ${s.name}`}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="to"
                        value={s.id}
                        defaultChecked={i === 0}
                        aria-label={`Compare to ${s.name}`}
                      />
                    </td>
                  </tr>
                ))}
                <tr>
                  <td>
                    <strong>The module now</strong>
                  </td>
                  <td />
                  <td />
                  <td>
                    <input type="radio" name="to" value="current" aria-label="Compare to the module now" />
                  </td>
                </tr>
              </tbody>
            </table>
            <div className="actions">
              <button type="submit" className="button-secondary">
                Compare the two chosen versions
              </button>
            </div>
          </Form>
        )}
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
              <button type="submit">Take snapshot</button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
