import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { SupervisionDocument } from "~/components/supervision/supervision-document";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "A shared supervision page · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => ({
    copy: supervision.sharedCopy(await requireContext(request, context), paramId(params, "shareId")),
  }));

export default function SharedCopy() {
  const { copy } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <p className="no-print">
        <Link to="/shared-with-me">Back to what is shared with me</Link>
      </p>
      <p className="muted">
        Shared with you by {copy.learnerName} on {formatDateTime(copy.sharedAt)}. Please keep it private.
      </p>
      <SupervisionDocument
        title={copy.title}
        points={copy.points}
        entries={copy.entries}
        selfCarePlan={copy.selfCarePlan}
      />
    </div>
  );
}
