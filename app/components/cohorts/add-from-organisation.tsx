import { Form } from "@remix-run/react";
import type { cohorts } from "~/lib/domain.server";

type Page = ReturnType<typeof cohorts.learnersPage>;

/** Adding someone who is already in the organisation: they become a learner if they were not one. */
export function AddFromOrganisation({ candidates }: Pick<Page, "candidates">) {
  return (
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
  );
}
