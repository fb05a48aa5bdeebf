import { Link } from "@remix-run/react";

/** A way from the account to the private choice that orders the support a person is shown. */
export function YourSupportChoice() {
  return (
    <section className="card" aria-labelledby="your-support-choice-title">
      <h2 id="your-support-choice-title">Support that fits you</h2>
      <p>
        Say where you are and which groups matter to you, and Support now and the support in your training show what
        fits you first. It is optional, and only you see it: not your trainers, not your organisation's admins.
      </p>
      <p>
        <Link to="/support/choose">Choose where you are and who you are</Link>
      </p>
    </section>
  );
}
