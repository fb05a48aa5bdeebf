import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDate, Notice, PageHeader } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { STATE_LABELS } from "~/lib/progress-states";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Course"} · Alongside` }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return learning.courseOutline(ctx, paramId(params, "enrolmentId"));
  });

const SECTION_STATUS = { viewed: "Done", skipped: "Skipped for now: come back when you are ready" } as const;

export default function Outline() {
  const outline = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const base = `/learn/e/${outline.enrolmentId}`;
  return (
    <>
      <p>
        <Link to="/learn">Back to my learning</Link>
      </p>
      <PageHeader title={outline.title} lead={outline.description || undefined} />
      {params.get("finished") && !outline.completedAt ? (
        <Notice>
          You reached the end. To complete the course, read each section (skipping for now counts) and answer each of
          their knowledge checks correctly once. Sections not yet done are shown below.
        </Notice>
      ) : null}
      {outline.completedAt ? (
        <Notice tone="success">
          You completed this course on {formatDate(outline.completedAt)}.{" "}
          <Link to={`${base}/certificate`}>See your certificate</Link>.
        </Notice>
      ) : null}
      {outline.resume && !outline.completedAt ? (
        <p>
          <Link to={`${base}/m/${outline.resume.moduleVersionId}/s/${outline.resume.section}`} className="button">
            Continue where you left off
          </Link>
        </p>
      ) : null}
      <ol className="course-outline">
        {outline.modules.map((m) => (
          <li key={m.versionId}>
            <h2 className="h3">
              {m.title} <span className="badge">{STATE_LABELS[m.state]}</span>
            </h2>
            <p className="muted">About {m.estimatedMinutes} minutes</p>
            <ol className="section-list">
              {m.sections.map((s) => (
                <li key={s.index}>
                  <Link to={`${base}/m/${m.versionId}/s/${s.index}`}>{s.title}</Link>
                  {s.status ? <span className="muted"> · {SECTION_STATUS[s.status]}</span> : null}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
