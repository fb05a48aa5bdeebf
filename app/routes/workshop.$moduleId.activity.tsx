import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { requireActor } from "~/lib/auth.server";
import { moduleActivity } from "~/lib/coproduction.server";
import { handled, paramId } from "~/lib/http.server";
import { openModule } from "~/lib/workshop.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    openModule(context.runtime.db, actor, moduleId);
    return { items: moduleActivity(context.runtime.db, moduleId) };
  });

export default function Activity() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      {items.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ol className="activity">
          {items.map((item) => (
            <li key={`${new Date(item.at).getTime()}-${item.who}-${item.what}`}>
              <strong>{item.who ?? "Someone no longer here"}</strong> {item.what}
              <span className="muted">
                {" "}
                · {formatDateTime(item.at)}
                {item.until && new Date(item.until).getTime() !== new Date(item.at).getTime()
                  ? ` to ${formatDateTime(item.until)}`
                  : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
