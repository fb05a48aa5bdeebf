import { PageLink } from "~/components/page-links";

type Choice = { nation: string | null; populations: string[] } | null;

/**
 * On Support now, for someone signed in: what their private choice puts first, or the offer to make
 * one. The labels are passed in already written out.
 */
export function YourSupportChoiceSummary({ choice, labels }: { choice: Choice; labels: string[] }) {
  if (!choice) {
    return (
      <p>
        <PageLink to="/support/choose">Show the support that fits you first</PageLink>: tell us where you are and which
        groups matter to you. It is optional, and only you see it.
      </p>
    );
  }
  return (
    <p>
      Shown first for you: {labels.join(", ")}. Everything else follows.{" "}
      <PageLink to="/support/choose">Change this</PageLink> (only you see it).
    </p>
  );
}
