import { Link } from "@remix-run/react";
import { formatDate } from "~/components/layout";

/** On every tab of a module: the person was asked to review it, and where to say they are done. */
export function ReviewRequestBanner({
  moduleId,
  requests,
}: {
  moduleId: string;
  requests: { id: string; dueOn: string; askedBy: string }[];
}) {
  const first = requests[0];
  if (!first) return null;
  return (
    <div className="notice notice-info" role="note">
      <p>
        {first.askedBy} asked you to review this module by {formatDate(first.dueOn)}.{" "}
        <Link to={`/workshop/${moduleId}/review#review-requests`}>Say when you are done reviewing</Link>
      </p>
    </div>
  );
}
