import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { PageHeader } from "~/components/layout";
import { PageForm, PageLink } from "~/components/page-links";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.course.title ?? "Course"} · Alongside` },
];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => learning.courseLanding(await requireContext(request, context), paramId(params, "courseId")));

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const courseId = paramId(params, "courseId");
    return dispatch(request, ctx, {
      enrol: intent({ run: (ctx) => redirect(`/learn/e/${learning.enrolSelf(ctx, courseId).id}`) }),
    });
  });

export default function CourseLanding() {
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const hours = Math.floor(data.estimatedMinutes / 60);
  const minutes = data.estimatedMinutes % 60;
  const time =
    hours > 0 ? `${hours} hour${hours === 1 ? "" : "s"}${minutes ? ` ${minutes} minutes` : ""}` : `${minutes} minutes`;
  return (
    <>
      <PageHeader title={data.course.title} lead={data.course.description || undefined} />
      <ErrorSummary state={state} />
      <dl className="facts">
        <dt>Time</dt>
        <dd>About {time}, at your own pace</dd>
        <dt>Version</dt>
        <dd>{data.version}</dd>
        <dt>Touches on</dt>
        <dd>
          {data.contentNotes.length > 0
            ? `${data.contentNotes.join(", ")}. Each section that does has a content note first, and you can skip it for now.`
            : "No sensitive topics are flagged in this course."}
        </dd>
      </dl>
      {data.creditLine ? <p className="credit-line">{data.creditLine}</p> : null}
      <div className="actions">
        {data.enrolmentId ? (
          <PageLink to={`/learn/e/${data.enrolmentId}`} className="button">
            Continue this course
          </PageLink>
        ) : data.course.openToAll && data.canEnrol ? (
          <PageForm method="post">
            <button type="submit" name="intent" value="enrol">
              Start this course
            </button>
          </PageForm>
        ) : (
          <p className="muted">Your trainer gives this course to their groups.</p>
        )}
      </div>
      <h2>What is in it</h2>
      <ol className="course-outline">
        {data.modules.map((m) => (
          <li key={m.title}>
            <h3>{m.title}</h3>
            <p className="muted">About {m.estimatedMinutes} minutes</p>
            {m.summary ? <p>{m.summary}</p> : null}
            <ol>
              {m.sections.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
