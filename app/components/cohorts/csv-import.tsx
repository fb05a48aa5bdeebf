import type { FormState } from "~/components/form";
import type { cohorts } from "~/lib/domain.server";
import { CsvPreview } from "./csv-preview";
import { CsvUpload } from "./csv-upload";

type Row = ReturnType<typeof cohorts.previewLearnerList>["rows"][number];
type Person = { name: string; email: string };
export type Imported = { added: Person[]; invited: (Person & { link: string })[] };

/**
 * Adding learners from a CSV file: upload, preview, confirm. After an import, each person who was
 * invited has their own link, shown once, that works only for their email.
 */
export function CsvImport({
  cohortId,
  preview,
  accepted,
  imported,
  failure,
}: {
  cohortId: string;
  preview: Row[] | null;
  accepted: string;
  imported: Imported | null;
  failure: (FormState & { intent?: string }) | undefined;
}) {
  return (
    <section className="card" aria-labelledby="csv-title">
      <h2 id="csv-title">Add from a CSV file</h2>
      {imported ? (
        <div className="notice" role="status">
          <p>
            <strong>
              Added {imported.added.length}; invited {imported.invited.length}.
            </strong>
          </p>
          {imported.invited.length > 0 ? (
            <>
              <p>Send each new person their own link (shown only once):</p>
              <p>Each link works only for the email address beside it, once.</p>
              <ul>
                {imported.invited.map((i) => (
                  <li key={i.email}>
                    {i.name} ({i.email}): <span className="copy-box">{i.link}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {preview ? (
        <CsvPreview cohortId={cohortId} preview={preview} accepted={accepted} />
      ) : (
        <CsvUpload failure={failure} />
      )}
    </section>
  );
}
