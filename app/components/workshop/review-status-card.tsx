import { Form, useRevalidator } from "@remix-run/react";
import { ReviewNextStep } from "./review-next-step";

type Publication = { version: number; draftChanged: boolean; snapshotId: string | null };

function reviewHeading(status: string, publication: Publication | null) {
  if (status === "in_review") return "In review";
  if (status === "archived") return "Archived";
  if (status !== "published") return "Draft";
  return publication?.draftChanged
    ? `Published (version ${publication.version}); the draft has changes since`
    : "Published";
}

/** Where review stands: the revision, who is still to sign off, and a facilitator's next step. */
export function ReviewStatusCard({
  moduleId,
  status,
  publication,
  review,
  panelGate,
  canFacilitate,
}: {
  moduleId: string;
  status: string;
  publication: Publication | null;
  review: { revision: number; ready: boolean; people: unknown[]; waitingFor: unknown[] };
  /** What the organisation's panel and safeguarding sign-off still waits for, if anything. */
  panelGate: string | null;
  canFacilitate: boolean;
}) {
  const { revalidate } = useRevalidator();
  const inReview = status === "in_review";
  const nothingNew = status === "published" && publication !== null && !publication.draftChanged;
  return (
    <section className="card" aria-labelledby="review-status">
      <h2 id="review-status">{reviewHeading(status, publication)}</h2>
      <p>
        The module is at <strong>revision {review.revision}</strong>. Every edit to the text makes a new revision, and
        sign-offs of earlier revisions become stale.
      </p>
      {inReview ? (
        <p>
          {review.ready && panelGate
            ? `Every collaborator has signed off this revision. ${panelGate}`
            : review.ready
              ? "Everyone has signed off this revision. A facilitator can publish it."
              : `Waiting for ${review.waitingFor.length} of ${review.people.length} to sign off this revision.`}
        </p>
      ) : (
        <ReviewNextStep moduleId={moduleId} status={status} publication={publication} />
      )}
      {canFacilitate ? (
        <Form method="post" className="actions">
          {inReview ? (
            <button type="submit" name="intent" value="draft" className="button-secondary">
              Take back to draft
            </button>
          ) : status === "draft" ? (
            <button type="submit" name="intent" value="start">
              Start the review
            </button>
          ) : status === "published" && !nothingNew ? (
            <button type="submit" name="intent" value="start">
              Start the review of the changes
            </button>
          ) : null}
        </Form>
      ) : null}
      <button type="button" className="button-link" onClick={() => revalidate()}>
        Check for changes
      </button>
    </section>
  );
}
