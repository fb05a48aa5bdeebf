import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";
import type { cohorts } from "~/lib/domain.server";

type Page = ReturnType<typeof cohorts.detailsPage>;

/**
 * Who facilitates the cohort, with what learners read about each of them before they begin, and the
 * trainers and facilitators who could be added.
 */
export function CohortFacilitators({
  facilitators,
  candidates,
  addState,
}: Pick<Page, "facilitators" | "candidates"> & { addState: FormState }) {
  return (
    <section className="card" aria-labelledby="facilitators-title">
      <h2 id="facilitators-title">Facilitators</h2>
      <p>
        Learners see who facilitates the cohort, and what you write about them, before they begin. Some people can only
        take part when they know who will be there.
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
          <ErrorSummary state={addState} />
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
            state={addState}
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
  );
}
