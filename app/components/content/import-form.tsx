import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";

export type ImportState =
  | { imported: { id: string; title: string; file: string }[] }
  | { file: string; problems: string[] }
  | { errors?: Record<string, string> }
  | undefined;

/**
 * Importing content files as drafts: one Markdown file or a zip of them. Nothing is made unless every
 * file is right; the problems come back by file and line, with the name of what was chosen (a browser
 * never lets a page fill a file field in again).
 */
export function ImportForm({ state, maxFiles }: { state: ImportState; maxFiles: number }) {
  const problems = state && "problems" in state ? state : null;
  const missing = state && "errors" in state ? state.errors?.file : undefined;
  const imported = state && "imported" in state ? state.imported : null;
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems || missing) summary.current?.focus();
  }, [problems, missing]);
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Or import content files</h2>
      <p>
        A Markdown content file (.md), or a zip of up to {maxFiles} of them, becomes a draft module for each file. If
        any file has a problem, nothing is imported and every problem is listed.
      </p>
      {imported ? (
        <div className="notice notice-success" role="status">
          <p>
            Imported {imported.length} {imported.length === 1 ? "draft" : "drafts"}:
          </p>
          <ul>
            {imported.map((m) => (
              <li key={m.id}>
                <Link to={`/workshop/${m.id}`}>{m.title}</Link> <span className="muted">from {m.file}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {problems || missing ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="import-problems">
          <h3 id="import-problems">Nothing was imported</h3>
          {problems ? <p>You chose “{problems.file}”. Fix these, then choose it again:</p> : null}
          <ul>
            {(problems?.problems ?? [missing ?? ""]).map((p) => (
              <li key={p}>
                <a href="#import-file">{p}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <div className="field">
          <label htmlFor="import-file">Content file or zip</label>
          <input
            type="file"
            id="import-file"
            name="file"
            accept=".md,.markdown,.zip,text/markdown,application/zip"
            aria-invalid={problems || missing ? true : undefined}
          />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="import" className="button-secondary">
            Import
          </button>
        </div>
      </Form>
    </section>
  );
}
