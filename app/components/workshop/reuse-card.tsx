import { Form } from "@remix-run/react";

type Standing = { template: boolean; canMark: boolean; canDuplicate: boolean };

/** Taking a module further: a copy to rework, a template for the organisation, or its content file. */
export function ReuseCard({ moduleId, standing }: { moduleId: string; standing: Standing }) {
  return (
    <section className="card stack" aria-labelledby="reuse-title">
      <h2 id="reuse-title">Reuse</h2>
      {standing.canDuplicate ? (
        <Form method="post" className="stack">
          <p>
            A duplicate is a new draft with this module's text and details. Comments, sign-offs and history stay here,
            and you are its only collaborator.
          </p>
          <div className="actions">
            <button type="submit" name="intent" value="duplicate" className="button-secondary">
              Duplicate
            </button>
          </div>
        </Form>
      ) : null}
      {standing.template ? <p>This module is a template: facilitators here can start new modules from it.</p> : null}
      {standing.canMark ? (
        <Form method="post">
          <input type="hidden" name="template" value={standing.template ? "no" : "yes"} />
          <button type="submit" name="intent" value="template" className="button-secondary">
            {standing.template ? "Stop offering as a template" : "Offer as a template"}
          </button>
        </Form>
      ) : null}
      <p>
        <a href={`/workshop/${moduleId}/content.md`} download>
          Download as a content file
        </a>{" "}
        <span className="muted">(Markdown, to keep or to import elsewhere)</span>
      </p>
      <p>
        <a href={`/workshop/${moduleId}/content.zip`} download>
          Download with its images
        </a>{" "}
        <span className="muted">(a zip of the content file and its pictures, to import again)</span>
      </p>
    </section>
  );
}
