import { Form, Link } from "@remix-run/react";
import type { cohorts } from "~/lib/domain.server";

type Row = ReturnType<typeof cohorts.previewLearnerList>["rows"][number];

/**
 * A learner list as it will be read, row by row with its line in the file and any problem, and the
 * step that adds the rows that passed (carried back as a list, to be checked again).
 */
export function CsvPreview({ cohortId, preview, accepted }: { cohortId: string; preview: Row[]; accepted: string }) {
  const good = preview.filter((r) => !r.problem).length;
  return (
    <>
      <div className="table-wrap">
        <table className="csv-preview">
          <caption>
            Preview: {good} ready to add, {preview.length - good} with a problem
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {preview.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.problem ? <span className="error-message">{r.problem}</span> : "Ready"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {good > 0 ? (
        <Form method="post" className="actions">
          <input type="hidden" name="rows" value={accepted} />
          <button type="submit" name="intent" value="import">
            Add {good} {good === 1 ? "learner" : "learners"}
          </button>
          <Link to={`/cohorts/${cohortId}/learners`}>Cancel</Link>
        </Form>
      ) : (
        <p>No row can be added. Fix the file and upload it again.</p>
      )}
    </>
  );
}
