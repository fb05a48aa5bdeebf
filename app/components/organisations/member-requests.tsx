import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

/**
 * Carrying out a member's request, for an admin: a copy of their data to pass on, or the deletion of
 * their account. The download is a plain form so the browser saves the file itself.
 */
export function MemberRequests({
  name,
  isMe,
  exportAction,
  stateFor,
}: {
  name: string;
  isMe: boolean;
  exportAction: string;
  stateFor: (intent: string) => FormState;
}) {
  const erase = stateFor("erase");
  return (
    <section className="card" id="data-requests" aria-labelledby="requests-title">
      <h3 id="requests-title">Requests about their data</h3>
      <h4>They asked for a copy of their data</h4>
      <p>
        Download it to pass on to them. Their reflection journal, supervision pages and support choice are not included:
        only they can download them, from their own account.
      </p>
      <form method="post" action={exportAction} className="stack" noValidate>
        <ErrorSummary state={stateFor("export")} />
        <Field
          label="Why, for the record"
          name="reason"
          hint="For example, “asked by email on 3 March”."
          state={stateFor("export")}
          maxLength={300}
        />
        <div className="actions">
          <button type="submit">Download their data</button>
        </div>
      </form>
      {isMe ? null : (
        <>
          <h4>They asked for their account to be deleted</h4>
          <p>
            {name} is logged out everywhere and cannot log in again. Their profile, journal, progress and cohort places
            are deleted; their comments stay by “a former member” unless you tick the box; their credits stay as they
            chose. This cannot be undone.
          </p>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={erase} />
            <Field label="Why, for the record" name="reason" state={erase} maxLength={300} />
            <div className="checkbox">
              <input
                type="checkbox"
                id="erase-comments"
                name="removeComments"
                defaultChecked={erase?.values?.removeComments === "on"}
              />
              <label htmlFor="erase-comments">Also remove their comments</label>
            </div>
            <Field label="Type delete to confirm" name="confirm" state={erase} autoComplete="off" />
            <div className="actions">
              <button type="submit" name="intent" value="erase" className="button-secondary">
                Delete {name}'s account
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
