/** The consequences, said before anything happens, in the order a person will wonder about them. */
export function WhatDeletingDoes() {
  return (
    <section className="card" aria-labelledby="consequences-title">
      <h2 id="consequences-title">What happens</h2>
      <ul>
        <li>You are logged out everywhere and cannot log in again. This cannot be undone.</li>
        <li>
          Your name, email, password, introduction, reflection journal, progress, cohort places and notices are deleted.
        </li>
        <li>
          Your comments stay in their conversations, shown as written by “a former member”, unless you tick the box
          below to remove them.
        </li>
        <li>
          Modules you helped make keep your credit the way you chose it. If you chose your real name, they say “someone
          who chose not to be named” instead.
        </li>
        <li>
          Your trainers no longer see you on any dashboard. Totals, such as how many people finished a course, still
          count what you did, with no name.
        </li>
        <li>Your organisations' activity logs say an account was deleted, and nothing about what it held.</li>
      </ul>
      <p>
        You may want to <strong>download your data</strong> first, from your account page.
      </p>
    </section>
  );
}
