import { Form } from "@remix-run/react";

/** Archiving a module, or bringing it back: nothing is deleted either way. */
export function ArchiveCard({ archived }: { archived: boolean }) {
  return (
    <section className="card" aria-labelledby="archive-title">
      <h2 id="archive-title">{archived ? "Archived" : "Archive"}</h2>
      <p>
        {archived
          ? "This module is archived: it is read-only and hidden from the usual lists. Nothing was deleted."
          : "Archiving makes the module read-only and hides it from the usual lists. Nothing is deleted, and you can bring it back."}
      </p>
      <Form method="post">
        <button type="submit" name="intent" value={archived ? "unarchive" : "archive"} className="button-secondary">
          {archived ? "Bring back from the archive" : "Archive this module"}
        </button>
      </Form>
    </section>
  );
}
