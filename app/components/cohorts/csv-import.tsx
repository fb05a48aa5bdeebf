import type { FormState } from "~/components/form";
import type { cohorts } from "~/lib/domain.server";
import { CsvPreview } from "./csv-preview";
import { CsvUpload } from "./csv-upload";

type Row = ReturnType<typeof cohorts.previewLearnerList>["rows"][number];
type Person = { name: string; email: string };
export type Imported = { added: Person[]; invited: Person[] };

/**
 * Adding learners from a CSV file: upload, preview, confirm. After an import, each person who was
 * invited has been emailed their own invitation, which works only for their email; the summary says
 * how many. A link for someone who cannot get email is in their invitation's email, for an admin.
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
            <p>
              {imported.invited.length === 1
                ? "The new person has been emailed their own invitation."
                : `Each of the ${imported.invited.length} new people has been emailed their own invitation.`}{" "}
              It works only for their email address, once. They are listed under "Invited, not joined yet" until they
              join. If someone cannot get email, an admin can copy their link from the invitation's email (Organisation,
              Invitations).
            </p>
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
