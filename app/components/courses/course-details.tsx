import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

/** The course's title, description and whether any learner may enrol themselves. */
export function CourseDetails({
  course,
  state,
}: {
  course: { title: string; description: string; openToAll: boolean };
  state: FormState;
}) {
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field label="Title" name="title" state={state} defaultValue={course.title} maxLength={120} />
        <Field
          label="Description"
          name="description"
          multiline
          state={state}
          defaultValue={course.description}
          maxLength={1000}
        />
        <div className="checkbox">
          <input type="checkbox" id="course-open" name="openToAll" value="yes" defaultChecked={course.openToAll} />
          <label htmlFor="course-open">Open to everyone: any learner here can enrol themselves</label>
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="details">
            Save details
          </button>
        </div>
      </Form>
    </section>
  );
}
