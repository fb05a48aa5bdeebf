import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect, redirectDocument } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { landingTarget } from "~/lib/landing.server";

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const target = await landingTarget(request, context);
  if (target) throw (target.startsWith("/learn") ? redirectDocument : redirect)(target);
  return null;
};

export default function Landing() {
  return (
    <div className="narrow">
      <h1>Training made with peer supporters, for peer supporters</h1>
      <p className="lead">
        Alongside is where people with lived experience and the facilitators who work with them write training together,
        agree it, and share it with the peer supporters who need it.
      </p>
      <ul>
        <li>Write modules together, live, on boundaries, conflict, self-care, trauma triggers and supervision.</li>
        <li>Everyone who wrote a module signs it off, and is credited the way they choose.</li>
        <li>Learners work at their own pace, can skip hard sections for now, and always have support in reach.</li>
      </ul>
      <p className="actions">
        <Link to="/login" className="button">
          Log in
        </Link>
        <Link to="/signup" className="button button-secondary">
          Set up your organisation
        </Link>
      </p>
      <p className="muted">
        Joining an organisation that already uses Alongside? Use the invitation link you were sent.
      </p>
    </div>
  );
}
