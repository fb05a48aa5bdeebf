import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState, fieldValue } from "~/components/form";
import type { cohorts } from "~/lib/domain.server";

type Page = ReturnType<typeof cohorts.assignmentsPage>;

/** Giving the cohort a published course, or a published module on its own, with an optional due date. */
export function AssignTraining({
  courses,
  modules,
  assignState,
}: Pick<Page, "courses" | "modules"> & { assignState: FormState }) {
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title">Assign training</h2>
      {courses.length === 0 && modules.length === 0 ? (
        <p>Nothing is published yet. Publish a course (or have a module published) first.</p>
      ) : (
        <Form method="post" className="stack" noValidate>
          <ErrorSummary state={assignState} />
          <div className={assignState?.errors?.target ? "field field-error" : "field"}>
            <label htmlFor="assign-target">Course or module</label>
            {assignState?.errors?.target ? <p className="error-message">{assignState.errors.target}</p> : null}
            <select id="assign-target" name="target" defaultValue={fieldValue(assignState, "target")}>
              {courses.length > 0 ? (
                <optgroup label="Courses">
                  {courses.map((c) => (
                    <option key={c.id} value={`course:${c.id}`}>
                      {c.title} (version {c.latestVersion})
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {modules.length > 0 ? (
                <optgroup label="Single modules">
                  {modules.map((m) => (
                    <option key={m.moduleId} value={`module:${m.moduleId}`}>
                      {m.title} (version {m.version})
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          <Field label="Due date (optional)" name="dueOn" type="date" state={assignState} />
          <div className="actions">
            <button type="submit" name="intent" value="assign">
              Assign to the cohort
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
