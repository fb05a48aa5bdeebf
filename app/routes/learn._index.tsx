import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, formatDate, Notice, PageHeader } from "~/components/layout";
import { CourseCohort } from "~/components/learning/course-cohort";
import { PageForm, PageLink } from "~/components/page-links";
import { requireContext } from "~/lib/auth.server";
import { learnerHome, notices as noticeBoard } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import { STATE_LABELS } from "../../modules/progress/state";

export const meta: MetaFunction = () => [{ title: "My learning · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => learnerHome.myLearningPage(await requireContext(request, context)));

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(request, ctx, {
      route: intent({
        schema: learnerHome.routeChoiceSchema,
        run: (ctx, input) => {
          learnerHome.chooseRoute(ctx, input);
          return redirect("/learn");
        },
      }),
      dismiss: intent({
        schema: noticeBoard.dismissSchema,
        run: (ctx, input) => {
          noticeBoard.dismissNotices(ctx, input.noticeId ?? null);
          return redirect("/learn");
        },
      }),
    });
  });

export default function MyLearning() {
  const { courses, open, notices } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title="My learning"
        lead="Go at your own pace. You can skip hard sections for now and come back to them, and stop whenever you need to."
      />
      {params.get("asked") === "move" ? (
        <Notice tone="success">Your request to move is with the trainers. Only they can see it.</Notice>
      ) : null}
      {notices.length > 0 ? (
        <section className="notices" aria-labelledby="notices-title">
          <h2 id="notices-title" className="h3">
            New for you
          </h2>
          <ul className="plain-list">
            {notices.map((n) => (
              <li key={n.id} className="notice">
                <p>
                  <strong>{n.title}</strong>
                </p>
                {n.body ? <p>{n.body}</p> : null}
                <PageForm method="post">
                  <input type="hidden" name="noticeId" value={n.id} />
                  <button type="submit" name="intent" value="dismiss" className="button-link">
                    Dismiss<span className="visually-hidden"> “{n.title}”</span>
                  </button>
                </PageForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <PageLink to="/learn/journal">My reflection journal</PageLink> <span className="muted">(private to you)</span>
        {" · "}
        <PageLink to="/learn/supervision">For my supervision</PageLink>
      </p>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">Your courses</h2>
        {courses.length === 0 ? (
          <EmptyState title="No courses yet">
            <p>When a trainer gives you a course, or you join one that is open to everyone, it appears here.</p>
          </EmptyState>
        ) : (
          <ul className="module-list">
            {courses.map((c) => (
              <li key={c.enrolmentId} className="card">
                <h3>{c.title}</h3>
                <p className="module-tags">
                  <span className="badge badge-accent">{STATE_LABELS[c.state]}</span>{" "}
                  {c.dueOn ? (
                    <span className="badge">
                      {c.due === "past" ? "Past due date: " : "Due "}
                      {formatDate(c.dueOn)}
                    </span>
                  ) : null}{" "}
                  <span className="muted">
                    {c.completedModules} of {c.modules} {c.modules === 1 ? "module" : "modules"} done · about{" "}
                    {c.estimatedMinutes} minutes in all
                  </span>
                </p>
                {c.due === "soon" ? <p>This is due soon. If that is hard right now, talk to your trainer.</p> : null}
                {c.cohort ? <CourseCohort cohort={c.cohort} title={c.title} /> : null}
                {c.completedAt ? <p className="muted">Completed on {formatDate(c.completedAt)}</p> : null}
                <p className="actions">
                  <PageLink to={`/learn/e/${c.enrolmentId}`} className="button">
                    {c.state === "complete" ? "Look back" : c.state === "in_progress" ? "Continue" : "Start"}
                    <span className="visually-hidden"> {c.title}</span>
                  </PageLink>
                  {c.completedAt ? (
                    <PageLink to={`/learn/e/${c.enrolmentId}/certificate`}>
                      Certificate<span className="visually-hidden"> for {c.title}</span>
                    </PageLink>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {open.length > 0 ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">Open to everyone</h2>
          <ul className="module-list">
            {open.map((c) => (
              <li key={c.id} className="card">
                <h3>
                  <PageLink to={`/learn/courses/${c.id}`}>{c.title}</PageLink>
                </h3>
                {c.description ? <p>{c.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
