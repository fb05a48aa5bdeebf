import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { activity } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { items: activity.moduleActivity(ctx, paramId(params, "moduleId")) };
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
