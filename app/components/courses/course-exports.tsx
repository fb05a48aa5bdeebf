import { Form } from "@remix-run/react";
import type { packages } from "~/lib/domain.server";

type Choices = ReturnType<typeof packages.exportChoices>;

/**
 * Every way the course's latest published version can leave Alongside, each with when to use it. A
 * course that cannot leave yet says why instead of offering buttons that would only refuse.
 */
export function CourseExports({ courseId, choices }: { courseId: string; choices: Choices }) {
  return (
    <section className="card" aria-labelledby="course-exports">
      <h2 id="course-exports">Export</h2>
      {choices.files === null ? (
        <p>{choices.refusal}</p>
      ) : (
        <>
          <p>Each export holds the latest published version of the course.</p>
          {choices.files.renamed ? (
            <p className="hint">
              The course name has no letters a file name can keep on every computer, so the files are named “course”.
            </p>
          ) : null}
          {choices.files.nationalSupport ? (
            <p className="content-note">
              Your organisation has not listed any support people can reach, so a package shows the national services
              (such as Samaritans, 116 123) and says so. An admin can add your own under Organisation, Support.
            </p>
          ) : null}
          <h3>SCORM 1.2 package</h3>
          <p>
            For a learning system such as Moodle, when learners take the course there rather than in Alongside. Their
            progress and place go to the learning system; their reflections stay on their own device.
          </p>
          <Form method="post" action={`/courses/${courseId}/scorm.zip`} reloadDocument className="stack">
            <div className="checkbox">
              <input type="checkbox" id="export-score" name="score" />
              <label htmlFor="export-score">
                Also report a score: the share of knowledge checks answered right in the sections read
              </label>
            </div>
            <div className="actions">
              <button type="submit">Download the SCORM package</button>
            </div>
          </Form>
          <p className="hint">File: {choices.files.scorm}</p>
          <h3>cmi5 package</h3>
          <p>
            For a learning system that takes cmi5 (xAPI), when it should record each module in its learning record
            store. Progress and completion go there; reflections stay on the learner's device.
          </p>
          <Form method="post" action={`/courses/${courseId}/cmi5.zip`} reloadDocument>
            <div className="actions">
              <button type="submit" className="button-secondary">
                Download the cmi5 package
              </button>
            </div>
          </Form>
          <p className="hint">File: {choices.files.cmi5}</p>
          <h3>Markdown content files</h3>
          <p>
            To keep a copy, share the modules with another service, or import them into Alongside again: a text file per
            module, in the format of the content guide.
          </p>
          <Form method="post" action={`/courses/${courseId}/content.zip`} reloadDocument>
            <div className="actions">
              <button type="submit" className="button-secondary">
                Download the content files
              </button>
            </div>
          </Form>
          <p className="hint">File: {choices.files.markdown}</p>
        </>
      )}
    </section>
  );
}
