import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

export function YourName({ name, state }: { name: string; state: FormState }) {
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Your name</h2>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field label="Name" name="name" state={state} defaultValue={name} required maxLength={100} />
        <div className="actions">
          <button type="submit" name="intent" value="profile">
            Save name
          </button>
        </div>
      </Form>
    </section>
  );
}
