import { Form } from "@remix-run/react";
import { Field, type FormState } from "~/components/form";
import { formatDate } from "~/components/layout";
import type { cohorts } from "~/lib/domain.server";

type Assignment = ReturnType<typeof cohorts.assignmentsPage>["assignments"][number];

/**
 * One piece of training the cohort was given: its due date to change, a way to move the cohort to a
 * newer version (with what changed), and removing it.
 */
export function AssignmentCard({ assignment: a, dueState }: { assignment: Assignment; dueState: FormState }) {
  return (
    <li className="card">
      <h3>
        {a.title} <span className="badge">{a.single ? "Single module" : `Version ${a.version}`}</span>
      </h3>
      <p>{a.dueOn ? `Due ${formatDate(a.dueOn)}` : "No due date"}</p>
      <p>
        {a.selfPacedRoute
          ? "Learners may take a self-paced route instead of the live sessions."
          : "Live sessions only: there is no self-paced route."}{" "}
        {a.selfPacedLearners > 0
          ? `${a.selfPacedLearners} ${a.selfPacedLearners === 1 ? "learner takes" : "learners take"} it self-paced.`
          : ""}
      </p>
      <Form method="post">
        <input type="hidden" name="assignmentId" value={a.id} />
        <input type="hidden" name="offered" value={a.selfPacedRoute ? "no" : "yes"} />
        <button type="submit" name="intent" value="self-paced" className="button-secondary small">
          {a.selfPacedRoute ? "Stop offering a self-paced route" : "Offer a self-paced route"}
          <span className="visually-hidden"> for {a.title}</span>
        </button>
      </Form>
      {a.newer.length > 0 ? (
        <div className="notice">
          <p>
            <strong>A newer version is available.</strong> What changed:
          </p>
          <ul>
            {a.newer.map((n) => (
              <li key={n.id}>
                Version {n.version}: {n.changelog}
              </li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="assignmentId" value={a.id} />
            <button type="submit" name="intent" value="move" className="button-secondary small">
              Move the cohort to version {a.newer[a.newer.length - 1]?.version}
            </button>
          </Form>
          <p className="hint">
            Learners still working move over and keep what they completed; those who finished keep their version.
          </p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="assignmentId" value={a.id} />
        <Field
          label="Due date"
          name="dueOn"
          type="date"
          state={dueState}
          defaultValue={a.dueOn ?? ""}
          hint="Leave empty for no due date."
        />
        <div className="actions">
          <button type="submit" name="intent" value="due" className="button-secondary small">
            Change due date<span className="visually-hidden"> for {a.title}</span>
          </button>
          <button type="submit" name="intent" value="remove" className="button-quiet small">
            Remove assignment<span className="visually-hidden"> {a.title}</span>
          </button>
        </div>
      </Form>
    </li>
  );
}
