import { Link } from "@remix-run/react";

/**
 * Downloading is a plain form: the browser saves the zip itself, with or without JavaScript. It is a
 * POST because the download is recorded in the activity log.
 */
export function YourData() {
  return (
    <section className="card" aria-labelledby="your-data-title">
      <h2 id="your-data-title">Your data</h2>
      <p>
        Download a copy of everything Alongside holds about you: your profile, organisations, courses and progress,
        reflection journal, comments, credits and where you are logged in. It comes as one zip file with a page to read
        and the same data for another service.
      </p>
      <form method="post" action="/account/data" className="actions">
        <button type="submit">Download my data</button>
      </form>
      <p>
        <Link to="/account/delete">Delete my account</Link>: see what happens first.
      </p>
    </section>
  );
}
