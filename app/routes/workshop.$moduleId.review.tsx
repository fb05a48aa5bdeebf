import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, fieldValue } from "~/components/form";
import { formatDate, formatDateTime, Notice } from "~/components/layout";
import { requireActor } from "~/lib/auth.server";
import {
  checklistHints,
  requestChanges,
  requestChangesSchema,
  returnToDraft,
  reviewState,
  SAFETY_CHECKS,
  signOff,
  signOffSchema,
  startReview,
} from "~/lib/coproduction.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";
import {
  listModuleVersions,
  type Publication,
  publicationOf,
  publishModule,
  publishSchema,
  unpublishModule,
} from "~/lib/publishing.server";
import { openModule } from "~/lib/workshop.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db, collab } = context.runtime;
    const { module, role, access } = openModule(db, actor, moduleId);
    // Bring the revision up to date with the live document, so people sign off what they see.
    await collab.settle(moduleId);
    const review = reviewState(db, moduleId);
    const doc = collab.current(moduleId);
    return {
      moduleId,
      status: module.status,
      publication: publicationOf(db, moduleId, doc),
      review,
      me: actor.userId,
      myRole: role,
      canFacilitate: access.facilitate,
      hints: role === "facilitator" ? checklistHints(doc) : null,
      versions: listModuleVersions(db, moduleId),
      checks: SAFETY_CHECKS.map((c) => ({ id: c.id, label: c.label })),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db, collab } = context.runtime;
    openModule(db, actor, moduleId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    await collab.settle(moduleId);
    try {
      if (intent === "start") {
        startReview(db, actor, moduleId, collab.current(moduleId));
      } else if (intent === "draft") {
        returnToDraft(db, actor, moduleId);
      } else if (intent === "publish") {
        const parsed = parseForm(form, publishSchema);
        if (!parsed.ok) return invalid(parsed);
        const published = await publishModule(db, collab, actor, moduleId, parsed.data);
        collab.notify(moduleId, "review");
        return redirect(`/workshop/${moduleId}/review?published=${published.version}`);
      } else if (intent === "unpublish") {
        unpublishModule(db, actor, moduleId);
      } else if (intent === "signoff") {
        const parsed = parseForm(form, signOffSchema);
        if (!parsed.ok) return invalid(parsed);
        const { revision, ...answers } = parsed.data;
        const checks = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v === "yes"]));
        signOff(db, actor, moduleId, { revision, checks });
      } else if (intent === "changes") {
        const parsed = parseForm(form, requestChangesSchema);
        if (!parsed.ok) return invalid(parsed);
        requestChanges(db, actor, moduleId, parsed.data);
      } else {
        return invalid({ errors: { form: "Choose what to do." }, values: {} });
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    collab.notify(moduleId, "review");
    return redirect(`/workshop/${moduleId}/review`);
  });

const STATE_TEXT = {
  signed_off: "Signed off the current revision",
  stale: "Signed off an earlier revision: the module has changed since",
  changes_requested: "Asked for changes",
  waiting: "Not yet",
} as const;

const ROLE_NAMES: Record<string, string> = {
  facilitator: "Facilitator",
  co_designer: "Co-designer",
  reviewer: "Reviewer",
};

function reviewHeading(status: string, publication: Publication | null) {
  if (status === "in_review") return "In review";
  if (status === "archived") return "Archived";
  if (status !== "published") return "Draft";
  return publication?.draftChanged
    ? `Published (version ${publication.version}); the draft has changes since`
    : "Published";
}

/** What stands now and what comes next, for a module that is not in review. */
function NextStep({
  moduleId,
  status,
  publication,
}: {
  moduleId: string;
  status: string;
  publication: Publication | null;
}) {
  if (status === "published" && publication && !publication.draftChanged) {
    return (
      <p>
        Version {publication.version} is what learners get, and the draft is the same. When the module needs changes,
        make them in Write; a facilitator then starts a review of them, to publish version {publication.version + 1}.
      </p>
    );
  }
  if (status === "published" && publication) {
    return (
      <>
        <p>
          Learners still get version {publication.version}. The changes made since are not published yet: a facilitator
          starts a review of them, everyone signs them off, and then version {publication.version + 1} can be published.
        </p>
        {publication.snapshotId ? (
          <p>
            <Link to={`/workshop/${moduleId}/history/compare?from=${publication.snapshotId}&to=current`}>
              See what changed since version {publication.version}
            </Link>
          </p>
        ) : null}
      </>
    );
  }
  return <p>When the module is ready, a facilitator starts the review and everyone working on it signs it off.</p>;
}

export default function Review() {
  const { moduleId, status, publication, review, me, myRole, canFacilitate, hints, checks, versions } =
    useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const state = useActionData<typeof action>();
  const { revalidate } = useRevalidator();
  const mine = review.people.find((p) => p.userId === me);
  const inReview = status === "in_review";
  const nothingNew = status === "published" && publication !== null && !publication.draftChanged;
  const nextVersion = (versions[0]?.version ?? 0) + 1;
  return (
    <div className="two-columns">
      <div>
        <ErrorSummary state={state} />
        {params.get("published") ? (
          <Notice tone="success">
            Published as version {params.get("published")}. Trainers can now add it to courses.
          </Notice>
        ) : null}
        <section className="card" aria-labelledby="review-status">
          <h2 id="review-status">{reviewHeading(status, publication)}</h2>
          <p>
            The module is at <strong>revision {review.revision}</strong>. Every edit to the text makes a new revision,
            and sign-offs of earlier revisions become stale.
          </p>
          {inReview ? (
            <p>
              {review.ready
                ? "Everyone has signed off this revision. A facilitator can publish it."
                : `Waiting for ${review.waitingFor.length} of ${review.people.length} to sign off this revision.`}
            </p>
          ) : (
            <NextStep moduleId={moduleId} status={status} publication={publication} />
          )}
          {canFacilitate ? (
            <Form method="post" className="actions">
              {inReview ? (
                <button type="submit" name="intent" value="draft" className="button-secondary">
                  Take back to draft
                </button>
              ) : status === "draft" ? (
                <button type="submit" name="intent" value="start">
                  Start the review
                </button>
              ) : status === "published" && !nothingNew ? (
                <button type="submit" name="intent" value="start">
                  Start the review of the changes
                </button>
              ) : null}
            </Form>
          ) : null}
          <button type="button" className="button-link" onClick={() => revalidate()}>
            Check for changes
          </button>
        </section>

        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">Everyone's sign-off</h2>
          <table>
            <caption className="visually-hidden">Sign-off by each collaborator</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Sign-off</th>
              </tr>
            </thead>
            <tbody>
              {review.people.map((p) => (
                <tr key={p.userId} data-state={p.state}>
                  <td>
                    {p.name}
                    {p.userId === me ? " (you)" : ""}
                  </td>
                  <td>{ROLE_NAMES[p.role] ?? p.role}</td>
                  <td>
                    <span className={p.state === "signed_off" ? "badge badge-accent" : "badge"}>
                      {STATE_TEXT[p.state]}
                    </span>
                    {p.revision && p.state !== "waiting" ? (
                      <span className="muted"> (revision {p.revision})</span>
                    ) : null}
                    {p.at ? <span className="muted"> · {formatDateTime(p.at)}</span> : null}
                    {p.note ? <p className="note">“{p.note}”</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <div>
        {canFacilitate ? (
          <section className="card" aria-labelledby="publish-title">
            <h2 id="publish-title">Publish</h2>
            {inReview ? (
              <>
                <p>
                  {review.ready
                    ? `Everyone has signed off revision ${review.revision}. Publishing makes it version ${nextVersion} for learners.`
                    : "Publishing is possible once every collaborator has signed off the current revision."}
                </p>
                <Form method="post" className="stack" noValidate>
                  <Field
                    label="What is in this version"
                    name="changelog"
                    multiline
                    hint="Learners and trainers see this note. For a new version, say what changed."
                    state={state?.intent === "publish" ? state : undefined}
                    defaultValue={versions.length === 0 ? "First version." : ""}
                    maxLength={1000}
                  />
                  <div className="actions">
                    <button type="submit" name="intent" value="publish">
                      Publish version {nextVersion}
                    </button>
                  </div>
                </Form>
              </>
            ) : nothingNew ? (
              <p>
                Version {publication?.version} is published and the draft is the same, so there is nothing new to
                publish.
              </p>
            ) : status === "published" ? (
              <p>
                To publish version {nextVersion}, start the review of the changes. Once everyone has signed them off,
                you can publish it here.
              </p>
            ) : (
              <p>Start the review first: everyone working on the module signs it off before it is published.</p>
            )}
            {status === "published" ? (
              <Form method="post">
                <p className="muted">
                  Withdrawing stops it being added to new courses. Its versions, and everyone taking them, stay.
                </p>
                <button type="submit" name="intent" value="unpublish" className="button-quiet">
                  Withdraw from new courses
                </button>
              </Form>
            ) : null}
          </section>
        ) : null}
        {versions.length > 0 ? (
          <section className="card" aria-labelledby="versions-title">
            <h2 id="versions-title">Published versions</h2>
            <ol className="plain-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <strong>Version {v.version}</strong> <span className="muted">· {formatDate(v.publishedAt)}</span>
                  <p>{v.changelog}</p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {inReview && mine ? (
          <div>
            <section className="card" aria-labelledby="signoff-title">
              <h2 id="signoff-title">Your sign-off</h2>
              <p>
                You are signing off <strong>revision {review.revision}</strong>.
                {mine.state === "stale" ? " Your earlier sign-off is stale: the module has changed since." : ""}
              </p>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="revision" value={review.revision} />
                {myRole === "facilitator" && hints ? (
                  <fieldset>
                    <legend>Safety checklist</legend>
                    <p className="hint">Confirm each point. Your answers are kept with your sign-off.</p>
                    {checks.map((c) => (
                      <div className="checkbox" key={c.id}>
                        <input
                          type="checkbox"
                          id={`check-${c.id}`}
                          name={c.id}
                          value="yes"
                          defaultChecked={fieldValue(state, c.id) === "yes"}
                          aria-describedby={`check-${c.id}-hint`}
                        />
                        <label htmlFor={`check-${c.id}`}>
                          {c.label}
                          <span className="hint" id={`check-${c.id}-hint`}>
                            {" "}
                            {hints[c.id as keyof typeof hints].hint}
                          </span>
                        </label>
                      </div>
                    ))}
                  </fieldset>
                ) : null}
                <div className="actions">
                  <button type="submit" name="intent" value="signoff">
                    Sign off revision {review.revision}
                  </button>
                </div>
              </Form>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="revision" value={review.revision} />
                <div className="field">
                  <label htmlFor="changes-note">Or ask for changes</label>
                  <p className="hint" id="changes-note-hint">
                    Say what you would like changed. Everyone working on the module sees your note.
                  </p>
                  <textarea
                    id="changes-note"
                    name="note"
                    rows={3}
                    maxLength={2000}
                    aria-describedby="changes-note-hint"
                    defaultValue={fieldValue(state, "note")}
                  />
                </div>
                <div className="actions">
                  <button type="submit" name="intent" value="changes" className="button-secondary">
                    Ask for changes
                  </button>
                </div>
              </Form>
            </section>
          </div>
        ) : null}
      </div>
    </div>
  );
}
