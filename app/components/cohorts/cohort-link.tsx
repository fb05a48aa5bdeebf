import { Form } from "@remix-run/react";

/** Making a link anyone can use to join the cohort, shown once when it has just been made. */
export function CohortLink({ link }: { link: string | null }) {
  return (
    <section className="card" aria-labelledby="link-title">
      <h2 id="link-title">A link anyone can use</h2>
      <p>
        Anyone with the link joins this cohort as a learner (and your organisation, if they are new), up to 500 people.
        It lasts 30 days. For a link only one person can use, add them from a CSV file.
      </p>
      {link ? (
        <div className="notice" role="status">
          <p>Copy it now: for security it is shown only once.</p>
          <p className="copy-box" data-testid="cohort-link">
            {link}
          </p>
        </div>
      ) : null}
      <Form method="post">
        <button type="submit" name="intent" value="link" className="button-secondary">
          Create a link anyone can use
        </button>
      </Form>
    </section>
  );
}
