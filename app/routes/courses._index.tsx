import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { EmptyState, PageHeader } from "~/components/layout";
import { CourseResults } from "~/components/search/course-results";
import { SearchField } from "~/components/search/search-field";
import { requireContext } from "~/lib/auth.server";
import { courses, search } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Courses · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const query = search.searchQuerySchema.parse(new URL(request.url).searchParams.get("q"));
    return {
      list: courses.listCourses(ctx),
      query: { text: query.text, trimmed: query.trimmed, maxLength: search.MAX_QUERY_LENGTH },
      results: query.text ? search.searchCourses(ctx, query) : null,
    };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(
      request,
      ctx,
      {
        create: intent({
          schema: courses.courseDetailsSchema,
          run: (ctx, input) => redirect(`/courses/${courses.createCourse(ctx, input).id}`),
        }),
      },
      { fallback: "create" },
    );
  });

const STATUS = { draft: "Draft", published: "Published", archived: "Archived" } as const;

export default function Courses() {
  const { list, query, results } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Courses" lead="Build courses from published modules, then give them to learners." />
      <div className="two-columns">
        <section aria-labelledby="courses-title">
          <h2 id="courses-title" className="visually-hidden">
            Your organisation's courses
          </h2>
          <Form method="get" className="filters" role="search" aria-label="Find courses">
            <SearchField
              id="search-courses"
              label="Search courses"
              value={query.text}
              trimmed={query.trimmed}
              maxLength={query.maxLength}
            />
            <button type="submit" className="button-secondary">
              Search
            </button>
          </Form>
          {results ? (
            <CourseResults query={query.text} results={results} statusLabel={STATUS} />
          ) : list.length === 0 ? (
            <EmptyState title="No courses yet">
              <p>Create a course, then add modules once facilitators have published them.</p>
            </EmptyState>
          ) : (
            <ul className="module-list">
              {list.map((c) => (
                <li key={c.id} className="card">
                  <h3>
                    <Link to={`/courses/${c.id}`}>{c.title}</Link>
                  </h3>
                  <p className="module-tags">
                    <span className="badge badge-accent">{STATUS[c.status]}</span>{" "}
                    {c.latestVersion ? <span className="badge">Version {c.latestVersion}</span> : null}{" "}
                    {c.openToAll ? <span className="badge">Open to everyone</span> : null}
                  </p>
                  {c.description ? <p>{c.description}</p> : null}
                  <p className="muted">
                    {c.modules} {c.modules === 1 ? "module" : "modules"} · {c.enrolled} enrolled
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="new-course">
          <h2 id="new-course">New course</h2>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={state} />
            <Field label="Title" name="title" state={state} required maxLength={120} />
            <Field label="Description" name="description" multiline state={state} maxLength={1000} />
            <div className="checkbox">
              <input type="checkbox" id="course-open" name="openToAll" value="yes" />
              <label htmlFor="course-open">Open to everyone: any learner here can enrol themselves</label>
            </div>
            <div className="actions">
              <button type="submit">Create course</button>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
