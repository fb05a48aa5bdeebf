import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";
import { formatDate } from "~/components/layout";
import type { courses } from "~/lib/domain.server";

type CoursePage = ReturnType<typeof courses.coursePage>;

/** Publishing the course as composed, as its next version, and the versions published so far. */
export function PublishCourse({ versions, state }: { versions: CoursePage["versions"]; state: FormState }) {
  return (
    <section className="card" aria-labelledby="publish-course">
      <h2 id="publish-course">Publish</h2>
      <p>
        Publishing freezes the course as it is now, as version {(versions[0]?.version ?? 0) + 1}. Learners already
        taking an earlier version keep theirs.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="What is in this version"
          name="changelog"
          multiline
          state={state}
          defaultValue={versions.length === 0 ? "First version." : ""}
          maxLength={1000}
        />
        <div className="actions">
          <button type="submit" name="intent" value="publish">
            Publish version {(versions[0]?.version ?? 0) + 1}
          </button>
        </div>
      </Form>
      {versions.length > 0 ? (
        <>
          <h3>Versions</h3>
          <ol className="plain-list">
            {versions.map((v) => (
              <li key={v.id}>
                <strong>Version {v.version}</strong>{" "}
                <span className="muted">
                  · {formatDate(v.publishedAt)} · {v.enrolled} enrolled
                </span>
                <p>{v.changelog}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
