import { Form } from "@remix-run/react";
import { ErrorSummary, type FormState } from "~/components/form";

/** Choosing a learner list to preview, with what it must hold and why the last one could not be read. */
export function CsvUpload({ failure }: { failure: (FormState & { intent?: string }) | undefined }) {
  return (
    <Form method="post" encType="multipart/form-data" className="stack" noValidate>
      <ErrorSummary state={failure?.intent === "preview" || failure?.intent === "import" ? failure : undefined} />
      <div className={failure?.errors?.file ? "field field-error" : "field"}>
        <label htmlFor="csv-file">CSV file</label>
        <p className="hint" id="csv-hint">
          The first row names the columns: <code>name</code> and <code>email</code>. Save from your spreadsheet as “CSV
          UTF-8”. You will see a preview before anything is added.
        </p>
        {failure?.errors?.file ? (
          <p className="error-message" id="csv-error">
            {failure.errors.file}
          </p>
        ) : null}
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`csv-hint${failure?.errors?.file ? " csv-error" : ""}`}
        />
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="preview" className="button-secondary">
          Preview
        </button>
      </div>
    </Form>
  );
}
