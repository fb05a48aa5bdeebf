import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CohortFields } from "~/components/cohort-fields";
import { ErrorSummary, Field } from "~/components/form";
import { requireAllowed } from "~/lib/auth.server";
import {
  cohortDetailsSchema,
  cohortFacilitatorsOf,
  facilitatorCandidates,
  facilitatorSchema,
  getCohort,
  memberSchema,
  removeCohortFacilitator,
  setCohortArchived,
  setCohortFacilitator,
  updateCohort,
} from "~/lib/cohorts.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const { db } = context.runtime;
    const cohort = getCohort(db, actor.orgId, paramId(params, "cohortId"));
    const facilitators = cohortFacilitatorsOf(db, cohort.id);
    const on = new Set(facilitators.map((f) => f.userId));
    return {
      cohort,
      facilitators,
      candidates: facilitatorCandidates(db, actor.orgId).filter((c) => !on.has(c.userId)),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    getCohort(db, actor.orgId, cohortId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    try {
      if (intent === "details") {
        const parsed = parseForm(form, cohortDetailsSchema);
        if (!parsed.ok) return invalid(parsed);
        updateCohort(db, actor, cohortId, parsed.data);
      } else if (intent === "facilitator") {
        const parsed = parseForm(form, facilitatorSchema);
        if (!parsed.ok) return invalid(parsed);
        setCohortFacilitator(db, actor, cohortId, parsed.data.userId, parsed.data.bio);
      } else if (intent === "unfacilitate") {
        const parsed = parseForm(form, memberSchema);
        if (!parsed.ok) return invalid(parsed);
        removeCohortFacilitator(db, actor, cohortId, parsed.data.userId);
      } else if (intent === "archive" || intent === "unarchive") {
        setCohortArchived(db, actor, cohortId, intent === "archive");
      } else {
        return invalid({ errors: { form: "Choose what to change." }, values: {} });
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    return redirect(`/cohorts/${cohortId}/details`);
  });

export default function Details() {
  const { cohort, facilitators, candidates } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const stateFor = (intent: string) => (state?.intent === intent ? state : undefined);
  return (
    <div className="two-columns">
      <div>
        <section className="card" aria-labelledby="facilitators-title">
          <h2 id="facilitators-title">Facilitators</h2>
          <p>
            Learners see who facilitates the cohort, and what you write about them, before they begin. Some people can
            only take part when they know who will be there.
          </p>
          {facilitators.length === 0 ? <p className="muted">No facilitators named yet.</p> : null}
          <ul className="plain-list collaborator-list">
            {facilitators.map((f) => (
              <li key={f.userId}>
                <strong>{f.name}</strong>
                {f.bio ? <p>{f.bio}</p> : null}
                <Form method="post" className="stack">
                  <input type="hidden" name="userId" value={f.userId} />
                  <Field
                    label={`About ${f.name} (optional)`}
                    name="bio"
                    defaultValue={f.bio}
                    state={undefined}
                    maxLength={300}
                  />
                  <div className="actions">
                    <button type="submit" name="intent" value="facilitator" className="button-secondary small">
                      Save<span className="visually-hidden"> about {f.name}</span>
                    </button>
                    <button type="submit" name="intent" value="unfacilitate" className="button-quiet small">
                      Remove<span className="visually-hidden"> {f.name} as facilitator</span>
                    </button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
          {candidates.length > 0 ? (
            <Form method="post" className="stack" noValidate>
              <h3>Add a facilitator</h3>
              <ErrorSummary state={stateFor("facilitator")} />
              <div className="field">
                <label htmlFor="facilitator-person">Person</label>
                <select id="facilitator-person" name="userId">
                  {candidates.map((c) => (
                    <option key={c.userId} value={c.userId}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                label="A short bio (optional)"
                name="bio"
                hint="For example: peer supporter for six years; she/her."
                state={stateFor("facilitator")}
                maxLength={300}
              />
              <div className="actions">
                <button type="submit" name="intent" value="facilitator">
                  Add facilitator
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      </div>
      <div>
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={stateFor("details")} />
            <CohortFields state={stateFor("details")} cohort={cohort} />
            <div className="actions">
              <button type="submit" name="intent" value="details">
                Save details
              </button>
            </div>
          </Form>
        </section>
        <section className="card" aria-labelledby="archive-title">
          <h2 id="archive-title">{cohort.archivedAt ? "Archived" : "Archive"}</h2>
          <p>Archiving keeps everything, including progress and exports; the cohort leaves the active list.</p>
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={cohort.archivedAt ? "unarchive" : "archive"}
              className="button-secondary"
            >
              {cohort.archivedAt ? "Bring back from the archive" : "Archive this cohort"}
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}
