import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState, fieldValues } from "~/components/form";
import { ROLE_LABELS, ROLES } from "~/lib/roles";

/** A link just made: shown once, with who can use it. */
export type NewLink = { link: string; personalFor: string | null };

/** The admin's form for a new invitation, and the link it made, shown this once. */
export function NewInvitation({ created, state }: { created: NewLink | null; state: FormState }) {
  const roles = fieldValues(state, "roles", ["learner"]);
  return (
    <section className="card" aria-labelledby="new-invitation">
      <h2 id="new-invitation">Invite people</h2>
      {created ? (
        <div className="notice" role="status">
          {created.personalFor ? (
            <p>
              <strong>Your invitation is on its way to {created.personalFor}.</strong> Only an account with that email
              address can use it, once. If they cannot get email, copy the link now and send it another way; it is also
              in the invitation's email, under Outgoing email.
            </p>
          ) : (
            <p>
              <strong>Your invitation link is ready.</strong> Copy it now and send it to the people you are inviting:
              anyone with the link can use it. For your security it is only shown once.
            </p>
          )}
          <p className="copy-box" data-testid="invitation-link">
            {created.link}
          </p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Who is it for? (optional)"
          name="label"
          hint="For example: spring cohort, or Jordan. Only admins see this."
          state={state}
          maxLength={120}
        />
        <Field
          label="Their email (optional)"
          name="email"
          type="email"
          autoComplete="off"
          hint="For one person: only an account with this email address can use the link, once. Leave it empty for a link anyone with it can use."
          state={state}
          maxLength={254}
        />
        <fieldset>
          <legend>Roles they will have</legend>
          {state?.errors?.roles ? <p className="error-message">{state.errors.roles}</p> : null}
          {ROLES.map((role) => (
            <div className="checkbox" key={role}>
              <input
                type="checkbox"
                id={`invite-role-${role}`}
                name="roles"
                value={role}
                defaultChecked={roles.includes(role)}
              />
              <label htmlFor={`invite-role-${role}`}>{ROLE_LABELS[role]}</label>
            </div>
          ))}
        </fieldset>
        <Field
          label="Expires after (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          defaultValue="14"
          state={state}
        />
        <Field
          label="How many people can use it"
          name="maxUses"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          defaultValue="1"
          hint="For a link anyone can use. A link for one person is used once."
          state={state}
        />
        <div className="actions">
          <button type="submit" name="intent" value="create">
            Create invitation link
          </button>
        </div>
      </Form>
    </section>
  );
}
