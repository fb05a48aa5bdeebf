import { Form } from "@remix-run/react";

/** Archiving the cohort, or bringing it back: everything is kept. */
export function ArchiveCohort({ cohort }: { cohort: { archivedAt: Date | null } }) {
  return (
    <section className="card" aria-labelledby="archive-title">
      <h2 id="archive-title">{cohort.archivedAt ? "Archived" : "Archive"}</h2>
      <p>Archiving keeps everything, including progress and exports; the cohort leaves the active list.</p>
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value={cohort.archivedAt ? "unarchive" : "archive"}
          className="button-secondary"
        >
          {cohort.archivedAt ? "Bring back from the archive" : "Archive this cohort"}
        </button>
      </Form>
    </section>
  );
}
