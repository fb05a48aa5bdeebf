import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { formatDate } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";
import {
  acceptedRowsCsv,
  addCohortMember,
  cohortEmails,
  cohortInvitationLink,
  cohortInviteeList,
  cohortMemberList,
  getCohort,
  importLearners,
  memberCandidates,
  memberSchema,
  parseLearnerCsv,
  removeCohortMember,
} from "~/lib/cohorts.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    getCohort(db, actor.orgId, cohortId);
    return {
      cohortId,
      members: cohortMemberList(db, cohortId),
      invitees: cohortInviteeList(db, cohortId),
      candidates: memberCandidates(db, actor.orgId, cohortId),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db, config } = context.runtime;
    getCohort(db, actor.orgId, cohortId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    const origin = new URL(request.url).origin;
    const parseList = (bytes: Uint8Array) => {
      const { members, invited } = cohortEmails(db, cohortId);
      return parseLearnerCsv(bytes, members, invited);
    };
    try {
      if (intent === "add" || intent === "remove") {
        const parsed = parseForm(form, memberSchema);
        if (!parsed.ok) return invalid(parsed);
        if (intent === "add") addCohortMember(db, actor, cohortId, parsed.data.userId);
        else removeCohortMember(db, actor, cohortId, parsed.data.userId);
        return redirect(`/cohorts/${cohortId}/learners`);
      }
      if (intent === "link") {
        const { token } = cohortInvitationLink(db, config.SESSION_SECRET, actor, cohortId);
        return {
          ok: true as const,
          intent,
          link: `${origin}/join/${token}`,
          preview: null,
          accepted: "",
          imported: null,
        };
      }
      if (intent === "preview") {
        const file = form.get("file");
        if (!(file instanceof File) || file.size === 0) {
          // A browser sends an unnamed, empty file when none was chosen.
          const chosen = file instanceof File && file.name !== "";
          return invalid({
            errors: {
              file: chosen
                ? "This file is empty. Its first row names the columns (name and email), then one learner per row."
                : "Choose a CSV file with a name and an email column.",
            },
            values: {},
            intent,
          });
        }
        const result = parseList(new Uint8Array(await file.arrayBuffer()));
        if (!result.ok) return invalid({ errors: { file: result.message }, values: {}, intent });
        return {
          ok: true as const,
          intent,
          link: null,
          preview: result.rows,
          accepted: acceptedRowsCsv(result.rows),
          imported: null,
        };
      }
      if (intent === "import") {
        // The confirmed rows come back from the preview; they are checked again, never trusted.
        const csv = String(form.get("rows") ?? "");
        const result = parseList(new TextEncoder().encode(csv));
        if (!result.ok) return invalid({ errors: { file: result.message }, values: {}, intent });
        const imported = importLearners(db, config.SESSION_SECRET, actor, cohortId, result.rows);
        return {
          ok: true as const,
          intent,
          link: null,
          preview: null,
          accepted: "",
          imported: {
            added: imported.added,
            invited: imported.invited.map((i) => ({ name: i.name, email: i.email, link: `${origin}/join/${i.token}` })),
          },
        };
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    return invalid({ errors: { form: "Choose what to do." }, values: {} });
  });

export default function Learners() {
  const { cohortId, members, invitees, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const success = result?.ok ? result : undefined;
  const preview = success?.preview ?? null;
  const good = preview?.filter((r) => !r.problem).length ?? 0;
  return (
    <div className="two-columns">
      <section aria-labelledby="members-title">
        <h2 id="members-title">
          {members.length} {members.length === 1 ? "learner" : "learners"}
        </h2>
        <ErrorSummary state={failure?.intent === "add" || failure?.intent === "remove" ? failure : undefined} />
        {members.length === 0 ? (
          <p>No learners yet. Add them from your organisation, with a link, or from a CSV file.</p>
        ) : (
          <ul className="plain-list collaborator-list">
            {members.map((m) => (
              <li key={m.userId}>
                <Link to={`/cohorts/${cohortId}/learners/${m.userId}`}>{m.name}</Link>{" "}
                <span className="muted">
                  {m.email} · added {formatDate(m.addedAt)}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={m.userId} />{" "}
                  <button type="submit" name="intent" value="remove" className="button-quiet small">
                    Remove<span className="visually-hidden"> {m.name} from the cohort</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {invitees.length > 0 ? (
          <>
            <h3>Invited, not joined yet</h3>
            <ul>
              {invitees.map((i) => (
                <li key={i.invitationId}>
                  {i.name} <span className="muted">{i.email}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <div>
        <section className="card" aria-labelledby="add-title">
          <h2 id="add-title">Add from your organisation</h2>
          {candidates.length === 0 ? (
            <p className="muted">Everyone in your organisation is already in this cohort.</p>
          ) : (
            <Form method="post" className="stack">
              <div className="field">
                <label htmlFor="add-member">Person</label>
                <select id="add-member" name="userId">
                  {candidates.map((c) => (
                    <option key={c.userId} value={c.userId}>
                      {c.name}
                      {c.isLearner ? "" : " (will become a learner)"}
                    </option>
                  ))}
                </select>
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="add">
                  Add to cohort
                </button>
              </div>
            </Form>
          )}
        </section>

        <section className="card" aria-labelledby="link-title">
          <h2 id="link-title">A link anyone can use</h2>
          <p>
            Anyone with the link joins this cohort as a learner (and your organisation, if they are new), up to 500
            people. It lasts 30 days. For a link only one person can use, add them from a CSV file.
          </p>
          {success?.link ? (
            <div className="notice" role="status">
              <p>Copy it now: for security it is shown only once.</p>
              <p className="copy-box" data-testid="cohort-link">
                {success.link}
              </p>
            </div>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="link" className="button-secondary">
              Create a link anyone can use
            </button>
          </Form>
        </section>

        <section className="card" aria-labelledby="csv-title">
          <h2 id="csv-title">Add from a CSV file</h2>
          {success?.imported ? (
            <div className="notice" role="status">
              <p>
                <strong>
                  Added {success.imported.added.length}; invited {success.imported.invited.length}.
                </strong>
              </p>
              {success.imported.invited.length > 0 ? (
                <>
                  <p>Send each new person their own link (shown only once):</p>
                  <p>Each link works only for the email address beside it, once.</p>
                  <ul>
                    {success.imported.invited.map((i) => (
                      <li key={i.email}>
                        {i.name} ({i.email}): <span className="copy-box">{i.link}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
          {preview ? (
            <>
              <div className="table-wrap">
                <table className="csv-preview">
                  <caption>
                    Preview: {good} ready to add, {preview.length - good} with a problem
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Check</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.map((r) => (
                      <tr key={r.line}>
                        <td>{r.line}</td>
                        <td>{r.name}</td>
                        <td>{r.email}</td>
                        <td>{r.problem ? <span className="error-message">{r.problem}</span> : "Ready"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {good > 0 ? (
                <Form method="post" className="actions">
                  <input type="hidden" name="rows" value={success?.accepted ?? ""} />
                  <button type="submit" name="intent" value="import">
                    Add {good} {good === 1 ? "learner" : "learners"}
                  </button>
                  <Link to={`/cohorts/${cohortId}/learners`}>Cancel</Link>
                </Form>
              ) : (
                <p>No row can be added. Fix the file and upload it again.</p>
              )}
            </>
          ) : (
            <Form method="post" encType="multipart/form-data" className="stack" noValidate>
              <ErrorSummary
                state={failure?.intent === "preview" || failure?.intent === "import" ? failure : undefined}
              />
              <div className={failure?.errors?.file ? "field field-error" : "field"}>
                <label htmlFor="csv-file">CSV file</label>
                <p className="hint" id="csv-hint">
                  The first row names the columns: <code>name</code> and <code>email</code>. Save from your spreadsheet
                  as “CSV UTF-8”. You will see a preview before anything is added.
                </p>
                {failure?.errors?.file ? (
                  <p className="error-message" id="csv-error">
                    {failure.errors.file}
                  </p>
                ) : null}
                <input
                  id="csv-file"
                  name="file"
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={`csv-hint${failure?.errors?.file ? " csv-error" : ""}`}
                />
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="preview" className="button-secondary">
                  Preview
                </button>
              </div>
            </Form>
          )}
        </section>
      </div>
    </div>
  );
}
