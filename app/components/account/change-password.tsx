import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

export function ChangePassword({ state }: { state: FormState }) {
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          state={state}
          required
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          state={state}
          required
          minLength={8}
          maxLength={200}
        />
        <Field
          label="New password again"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          state={state}
          required
        />
        <div className="actions">
          <button type="submit" name="intent" value="password">
            Change password
          </button>
        </div>
      </Form>
    </section>
  );
}
