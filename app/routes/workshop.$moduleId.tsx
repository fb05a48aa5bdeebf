import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { TabsMenu } from "~/components/tabs-menu";
import { ReviewRequestBanner } from "~/components/workshop/review-request-banner";
import { requireContext } from "~/lib/auth.server";
import { review, reviewRequests, workshop } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import editorStyles from "~/styles/editor.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.module.title ?? "Module"} · Workshop · Alongside` },
];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const heading = workshop.moduleHeading(ctx, moduleId);
    const { label } = review.moduleStatus(ctx, context.runtime.collab, moduleId);
    const askedOfMe = reviewRequests.moduleReviewRequests(ctx, moduleId).mine;
    return { module: { ...heading, statusLabel: label }, askedOfMe };
  });

export default function ModuleLayout() {
  const { module, askedOfMe } = useLoaderData<typeof loader>();
  const base = `/workshop/${module.id}`;
  return (
    <>
      <p>
        <Link to="/workshop">Back to the Workshop</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{module.title}</h1>
          <p className="module-tags">
            <span className="badge">{module.topicLabel}</span>{" "}
            <span className="badge badge-accent">{module.statusLabel}</span>
            {module.originCredit ? <span className="muted"> · from {module.originCredit}</span> : null}
          </p>
        </div>
      </div>
      <ReviewRequestBanner moduleId={module.id} requests={askedOfMe} />
      <TabsMenu
        label="Module"
        items={[
          { to: base, label: "Write", end: true },
          { to: `${base}/review`, label: "Review" },
          { to: `${base}/history`, label: "History" },
          { to: `${base}/contributions`, label: "Contributions" },
          { to: `${base}/activity`, label: "Activity" },
          { to: `${base}/people`, label: "Details and people" },
        ]}
      />
      <Outlet />
    </>
  );
}
