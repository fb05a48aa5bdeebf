import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { Tabs } from "~/components/tabs";
import { requireActor } from "~/lib/auth.server";
import { handled, paramId } from "~/lib/http.server";
import { publicationOf, statusLabel } from "~/lib/publishing.server";
import { openModule, TOPIC_LABELS } from "~/lib/workshop.server";
import editorStyles from "~/styles/editor.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.module.title ?? "Module"} · Workshop · Alongside` },
];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const { db, collab } = context.runtime;
    const { module, role, access } = openModule(db, actor, paramId(params, "moduleId"));
    const publication = module.status === "published" ? publicationOf(db, module.id, collab.current(module.id)) : null;
    return {
      module: {
        id: module.id,
        title: module.title,
        status: module.status,
        statusLabel: statusLabel(module.status, publication),
        topicLabel: module.topic === "other" ? module.customTopic : TOPIC_LABELS[module.topic],
        originCredit: module.originCredit,
      },
      role,
      access,
    };
  });

export default function ModuleLayout() {
  const { module } = useLoaderData<typeof loader>();
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
      <Tabs
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
