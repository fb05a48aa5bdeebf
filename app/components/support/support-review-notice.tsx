import { formatDate, Notice } from "../layout";

/**
 * The default details were checked against each service's own page; services change their numbers
 * and hours, so from the review date the admins are asked to check theirs.
 */
export function SupportReviewNotice({ review }: { review: { reviewBy: string; due: boolean } }) {
  if (!review.due) return null;
  return (
    <Notice>
      <p>
        The default support details were last checked against each service's own website before{" "}
        {formatDate(`${review.reviewBy}T12:00:00Z`)}. Services sometimes change their numbers and opening hours: please
        check the ones you list on each service's website (each says where its details come from), and edit any that
        have changed.
      </p>
    </Notice>
  );
}
