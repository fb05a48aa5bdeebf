import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDate, Notice, PageHeader } from "~/components/layout";
import { PageLink } from "~/components/page-links";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { STATE_LABELS } from "../../modules/progress/state";

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
        <PageLink to="/learn">Back to my learning</PageLink>
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
          <PageLink to={`${base}/certificate`}>See your certificate</PageLink>.
        </Notice>
      ) : null}
      {outline.resume && !outline.completedAt ? (
        <p>
          <PageLink to={`${base}/m/${outline.resume.moduleVersionId}/s/${outline.resume.section}`} className="button">
            Continue where you left off
          </PageLink>
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
                  <PageLink to={`${base}/m/${m.versionId}/s/${s.index}`}>{s.title}</PageLink>
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
