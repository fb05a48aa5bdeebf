import { Link } from "@remix-run/react";

/** From the editor to the draft as a learner would meet it, section by section. */
export function PreviewLink({ moduleId }: { moduleId: string }) {
  return (
    <p className="preview-link">
      <Link to={`/workshop/${moduleId}/preview/1`} reloadDocument>
        Preview as a learner
      </Link>
    </p>
  );
}
