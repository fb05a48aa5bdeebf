import { Link } from "@remix-run/react";

type Publication = { version: number; draftChanged: boolean; snapshotId: string | null };

/** What stands now and what comes next, for a module that is not in review. */
export function ReviewNextStep({
  moduleId,
  status,
  publication,
}: {
  moduleId: string;
  status: string;
  publication: Publication | null;
}) {
  if (status === "published" && publication && !publication.draftChanged) {
    return (
      <p>
        Version {publication.version} is what learners get, and the draft is the same. When the module needs changes,
        make them in Write; a facilitator then starts a review of them, to publish version {publication.version + 1}.
      </p>
    );
  }
  if (status === "published" && publication) {
    return (
      <>
        <p>
          Learners still get version {publication.version}. The changes made since are not published yet: a facilitator
          starts a review of them, everyone signs them off, and then version {publication.version + 1} can be published.
        </p>
        {publication.snapshotId ? (
          <p>
            <Link to={`/workshop/${moduleId}/history/compare?from=${publication.snapshotId}&to=current`}>
              See what changed since version {publication.version}
            </Link>
          </p>
        ) : null}
      </>
    );
  }
  return <p>When the module is ready, a facilitator starts the review and everyone working on it signs it off.</p>;
}
