import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { workshopSessions } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { countOf } from "~/lib/plural";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const sessionId = paramId(params, "sessionId");
    return { moduleId, ...workshopSessions.sessionSummary(ctx, moduleId, sessionId) };
  });

const CHANGE = { added: "added", removed: "removed", changed: "changed" } as const;

/** A session's summary, for the module's facilitators: what changed, what is still open, and who took part. */
export default function SessionSummary() {
  const { moduleId, startedAt, endedAt, summary, people } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="summary-title" className="stack">
      <h2 id="summary-title">Session summary</h2>
      <p>
        From {formatDateTime(startedAt)} to {formatDateTime(endedAt)}. Private check-ins stay in each person’s browser,
        so none of them is here.
      </p>
      <h3>Who took part</h3>
      <p>Everyone who had the module open while the session ran, whether they changed anything or not.</p>
      {people.length > 0 ? (
        <ul>
          {people.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ) : (
        <p>Nobody had the module open during the session.</p>
      )}
      <h3>Sections edited</h3>
      {summary.sectionsEdited.length > 0 ? (
        <ul>
          {summary.sectionsEdited.map((section) => (
            <li key={`${section.change}-${section.title}`}>
              {section.title}: {CHANGE[section.change]}
            </li>
          ))}
        </ul>
      ) : (
        <p>No section changed.</p>
      )}
      <h3>Still open</h3>
      <p>
        {countOf(summary.openComments.length, "open comment thread")} and{" "}
        {countOf(summary.openSuggestions, "open suggestion")}.
      </p>
      {summary.openComments.length > 0 ? (
        <ul>
          {summary.openComments.map((thread, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a summary is fixed once its session ends, so its order never changes
            <li key={index}>
              “{thread.quote}”{thread.replies > 0 ? `, ${countOf(thread.replies, "reply", "replies")}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/workshop/${moduleId}/comments`}>Go to the comments</Link> ·{" "}
        <Link to={`/workshop/${moduleId}/session`}>Back to the live session</Link>
      </p>
    </section>
  );
}
