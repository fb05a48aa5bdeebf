import { Form, Link } from "@remix-run/react";
import { ErrorSummary, type FormState } from "~/components/form";
import { formatDate } from "~/components/layout";
import type { cohorts } from "~/lib/domain.server";

type Page = ReturnType<typeof cohorts.learnersPage>;

/** The cohort's learners, each with a way to remove them, and the people invited who have not joined yet. */
export function CohortLearners({
  cohortId,
  members,
  invitees,
  failure,
}: Pick<Page, "cohortId" | "members" | "invitees"> & { failure: FormState }) {
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">
        {members.length} {members.length === 1 ? "learner" : "learners"}
      </h2>
      <ErrorSummary state={failure} />
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
  );
}
