import { PageForm, PageLink } from "~/components/page-links";
import { Html } from "./html";

/**
 * Shown before a section with a content note: what it talks about, and three equal choices. Skipping
 * is never a penalty, and the section stays in the outline to come back to.
 */
export function ContentNoteGate({ topics, notes }: { topics: string[]; notes: string[] }) {
  return (
    <section className="content-note" aria-labelledby="note-title">
      <h2 id="note-title">Before you start: a content note</h2>
      <p>This section talks about: {topics.join(", ")}.</p>
      {notes.map((html) => (
        <Html key={html} html={html} as="div" />
      ))}
      <p>
        Only go on if it feels right today. You can skip it for now, with no penalty, and come back to it from the
        course outline.
      </p>
      <div className="actions">
        <PageLink to="?shown=1" className="button">
          Continue to the section
        </PageLink>
        <PageForm method="post">
          <button type="submit" name="intent" value="skip" className="button-secondary">
            Skip for now
          </button>
        </PageForm>
        <PageLink to="/support" className="button button-quiet">
          Take a break
        </PageLink>
      </div>
    </section>
  );
}
