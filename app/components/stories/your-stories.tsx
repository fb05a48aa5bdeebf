import { Link } from "@remix-run/react";

/** On the account page: where a person finds every story they shared, and can withdraw any of them. */
export function YourStories() {
  return (
    <section className="card" aria-labelledby="your-stories-title">
      <h2 id="your-stories-title">Your stories</h2>
      <p>
        See every story of yours in your organisation's training, and withdraw any of them at any time.{" "}
        <Link to="/account/stories">Your stories</Link>
      </p>
    </section>
  );
}
