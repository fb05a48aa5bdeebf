import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

/** Asks for a new email address: nothing changes until the link sent to it is followed. */
export function ChangeEmail({ email, state }: { email: string; state: FormState }) {
  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">Change your email address</h2>
      <p>
        You log in with {email}. We will send a link to the new address to confirm it, and tell this one that a change
        was asked for. Nothing changes until the new address is confirmed.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="New email address"
          name="newEmail"
          type="email"
          autoComplete="email"
          state={state}
          required
          maxLength={254}
        />
        <Field
          label="Your current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          state={state}
          required
          maxLength={200}
        />
        <div className="actions">
          <button type="submit" name="intent" value="email">
            Send a confirmation link
          </button>
        </div>
      </Form>
    </section>
  );
}
