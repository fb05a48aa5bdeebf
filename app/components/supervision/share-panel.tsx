import { ErrorSummary, type FormState, fieldValue } from "~/components/form";
import { formatDateTime } from "~/components/layout";
import { PageForm } from "~/components/page-links";

type Props = {
  share: { supervisorName: string; sharedAt: Date | string } | null;
  supervisors: { id: string; name: string }[];
  state: FormState;
};

/**
 * Sharing is an act the learner chooses: one copy, with one named supervisor, as the page reads at
 * that moment. It says plainly what the supervisor will see, and takes the copy back in one press.
 */
export function SharePanel({ share, supervisors, state }: Props) {
  const mine =
    state && "intent" in state && (state.intent === "share" || state.intent === "revoke") ? state : undefined;
  const error = mine?.errors?.supervisorId;
  return (
    <section className="card stack no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">Share with a supervisor</h2>
      {share ? (
        <>
          <p>
            A copy is shared with <strong>{share.supervisorName}</strong>, taken {formatDateTime(share.sharedAt)}.
            Changes you make after that stay yours until you share again.
          </p>
          <PageForm method="post">
            <button type="submit" name="intent" value="revoke" className="button-secondary">
              Stop sharing with {share.supervisorName}
            </button>
          </PageForm>
        </>
      ) : (
        <p>This page is not shared. Only you can see it.</p>
      )}
      {supervisors.length === 0 ? (
        <p className="muted">There is no supervisor in your organisation on Alongside yet.</p>
      ) : (
        <PageForm method="post" className="stack" noValidate>
          <ErrorSummary state={mine} />
          <p>
            They will see this page as it is now, and nothing else from your journal. You can stop sharing at any time.
            {share ? " Sharing again replaces the copy they have." : ""}
          </p>
          <div className={error ? "field field-error" : "field"}>
            <label htmlFor="share-supervisor">Supervisor</label>
            {error ? (
              <p className="error-message" id="share-supervisor-error">
                {error}
              </p>
            ) : null}
            <select
              id="share-supervisor"
              name="supervisorId"
              defaultValue={fieldValue(mine, "supervisorId")}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "share-supervisor-error" : undefined}
            >
              <option value="">Choose a supervisor</option>
              {supervisors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="share">
              {share ? "Share this version instead" : "Share a copy"}
            </button>
          </div>
        </PageForm>
      )}
    </section>
  );
}
