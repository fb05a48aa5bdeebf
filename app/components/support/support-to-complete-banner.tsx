import { Link } from "@remix-run/react";
import { Notice } from "../layout";

/**
 * On every admin page until it is done: the defaults only the organisation can complete (its own
 * supervisor), which learners cannot see without a way to reach them.
 */
export function SupportToCompleteBanner({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <Notice>
      <p>
        Still to fill in: {names.join(", ")}. Learners do not see {names.length === 1 ? "it" : "them"} until{" "}
        {names.length === 1 ? "it has" : "each has"} a phone number, a text number or a website.{" "}
        <Link to="/organisation/support">Complete the support resources</Link>
      </p>
    </Notice>
  );
}
