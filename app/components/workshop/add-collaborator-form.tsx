import { Form } from "@remix-run/react";
import { ErrorSummary, type FormState, fieldValue } from "../form";

/** A facilitator invites someone of the organisation onto the module, in one of its three roles. */
export function AddCollaboratorForm({
  candidates,
  state,
}: {
  candidates: { userId: string; name: string }[];
  state: FormState;
}) {
  if (candidates.length === 0) {
    return <p className="muted">Everyone in your organisation is already on this module.</p>;
  }
  return (
    <Form method="post" className="stack" noValidate aria-labelledby="add-title">
      <h3 id="add-title">Invite someone from your organisation</h3>
      <ErrorSummary state={state} />
      <div className="field">
        <label htmlFor="add-person">Person</label>
        <select id="add-person" name="userId" defaultValue={fieldValue(state, "userId")}>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>As</legend>
        <div className="radio">
          <input type="radio" id="add-co" name="role" value="co_designer" defaultChecked />
          <label htmlFor="add-co">Co-designer: writes, edits and comments</label>
        </div>
        <div className="radio">
          <input type="radio" id="add-reviewer" name="role" value="reviewer" />
          <label htmlFor="add-reviewer">Reviewer: reads and comments, no editing</label>
        </div>
        <div className="radio">
          <input type="radio" id="add-facilitator" name="role" value="facilitator" />
          <label htmlFor="add-facilitator">Facilitator: runs the co-design of this module</label>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" name="intent" value="add">
          Add to this module
        </button>
      </div>
    </Form>
  );
}
