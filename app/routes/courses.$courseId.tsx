import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { formatDate, Notice, PageHeader } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";
import {
  addCourseModule,
  courseDetailsSchema,
  courseItemsOf,
  courseModuleSchema,
  courseVersionsOf,
  getCourse,
  moveCourseModule,
  publishableModules,
  publishCourse,
  publishSchema,
  removeCourseModule,
  setCourseArchived,
  updateCourse,
  updateCourseModule,
} from "~/lib/courses.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.course.title ?? "Course"} · Alongside` },
];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "course.manage");
    const { db } = context.runtime;
    const course = getCourse(db, actor.orgId, paramId(params, "courseId"));
    const items = courseItemsOf(db, course.id);
    const inCourse = new Set(items.map((i) => i.moduleId));
    return {
      course,
      items,
      available: publishableModules(db, actor.orgId).filter((m) => !inCourse.has(m.moduleId)),
      versions: courseVersionsOf(db, course.id),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "course.manage");
    const courseId = paramId(params, "courseId");
    const { db } = context.runtime;
    getCourse(db, actor.orgId, courseId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    try {
      if (intent === "details") {
        const parsed = parseForm(form, courseDetailsSchema);
        if (!parsed.ok) return invalid(parsed);
        updateCourse(db, actor, courseId, parsed.data);
      } else if (intent === "publish") {
        const parsed = parseForm(form, publishSchema);
        if (!parsed.ok) return invalid(parsed);
        const published = publishCourse(db, actor, courseId, parsed.data.changelog);
        return redirect(`/courses/${courseId}?published=${published.version}`);
      } else if (intent === "archive" || intent === "unarchive") {
        setCourseArchived(db, actor, courseId, intent === "archive");
      } else {
        const parsed = parseForm(form, courseModuleSchema);
        if (!parsed.ok) return invalid(parsed);
        const { moduleId } = parsed.data;
        if (intent === "add") addCourseModule(db, actor, courseId, moduleId);
        else if (intent === "remove") removeCourseModule(db, actor, courseId, moduleId);
        else if (intent === "up" || intent === "down") moveCourseModule(db, actor, courseId, moduleId, intent);
        else if (intent === "update") updateCourseModule(db, actor, courseId, moduleId);
        else return invalid({ errors: { form: "Choose what to change." }, values: {} });
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    return redirect(`/courses/${courseId}`);
  });

export default function Course() {
  const { course, items, available, versions } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const stateFor = (...intents: string[]) => (state && intents.includes(state.intent ?? "") ? state : undefined);
  const minutes = items.reduce((sum, i) => sum + i.estimatedMinutes, 0);
  return (
    <>
      <p>
        <Link to="/courses">Back to courses</Link>
      </p>
      <PageHeader
        title={course.title}
        lead={`${items.length} ${items.length === 1 ? "module" : "modules"} · about ${minutes} minutes`}
        actions={
          versions.length > 0 ? (
            <Link to={`/learn/courses/${course.id}`} className="button button-secondary" reloadDocument>
              See what learners see
            </Link>
          ) : null
        }
      />
      {params.get("published") ? (
        <Notice tone="success">
          Published as version {params.get("published")}. Learners who started an earlier version keep it until they
          finish.
        </Notice>
      ) : null}
      <ErrorSummary state={stateFor("add", "remove", "up", "down", "update", "archive", "unarchive", "form")} />
      <div className="two-columns">
        <div>
          <section className="card" aria-labelledby="outline-title">
            <h2 id="outline-title">Modules, in order</h2>
            {items.length === 0 ? (
              <p>No modules yet. Add published modules below.</p>
            ) : (
              <ol className="course-items">
                {items.map((item, index) => (
                  <li key={item.moduleId}>
                    <p>
                      <strong>{item.title}</strong> <span className="badge">Version {item.version}</span>{" "}
                      <span className="muted">about {item.estimatedMinutes} minutes</span>
                    </p>
                    {item.newer.length > 0 ? (
                      <div className="notice">
                        <p>
                          <strong>Newer version available</strong> (version {item.newer[item.newer.length - 1]?.version}
                          ). What changed:
                        </p>
                        <ul>
                          {item.newer.map((n) => (
                            <li key={n.version}>
                              Version {n.version}: {n.changelog}
                            </li>
                          ))}
                        </ul>
                        <Form method="post">
                          <input type="hidden" name="moduleId" value={item.moduleId} />
                          <button type="submit" name="intent" value="update" className="button-secondary small">
                            Use version {item.newer[item.newer.length - 1]?.version}
                            <span className="visually-hidden"> of {item.title}</span>
                          </button>
                        </Form>
                      </div>
                    ) : null}
                    <Form method="post" className="actions">
                      <input type="hidden" name="moduleId" value={item.moduleId} />
                      <button
                        type="submit"
                        name="intent"
                        value="up"
                        className="button-quiet small"
                        disabled={index === 0}
                      >
                        Move up<span className="visually-hidden"> {item.title}</span>
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value="down"
                        className="button-quiet small"
                        disabled={index === items.length - 1}
                      >
                        Move down<span className="visually-hidden"> {item.title}</span>
                      </button>
                      <button type="submit" name="intent" value="remove" className="button-quiet small">
                        Remove<span className="visually-hidden"> {item.title}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ol>
            )}
            {available.length > 0 ? (
              <Form method="post" className="stack" noValidate>
                <div className="field">
                  <label htmlFor="add-module">Add a published module</label>
                  <select id="add-module" name="moduleId">
                    {available.map((m) => (
                      <option key={m.moduleId} value={m.moduleId}>
                        {m.title} (version {m.version})
                      </option>
                    ))}
                  </select>
                </div>
                <div className="actions">
                  <button type="submit" name="intent" value="add" className="button-secondary">
                    Add to course
                  </button>
                </div>
              </Form>
            ) : (
              <p className="muted">
                {items.length > 0
                  ? "Every published module is already in this course."
                  : "No modules are published yet. Facilitators publish modules once everyone has signed them off."}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="publish-course">
            <h2 id="publish-course">Publish</h2>
            <p>
              Publishing freezes the course as it is now, as version {(versions[0]?.version ?? 0) + 1}. Learners already
              taking an earlier version keep theirs.
            </p>
            <Form method="post" className="stack" noValidate>
              <ErrorSummary state={stateFor("publish")} />
              <Field
                label="What is in this version"
                name="changelog"
                multiline
                state={stateFor("publish")}
                defaultValue={versions.length === 0 ? "First version." : ""}
                maxLength={1000}
              />
              <div className="actions">
                <button type="submit" name="intent" value="publish">
                  Publish version {(versions[0]?.version ?? 0) + 1}
                </button>
              </div>
            </Form>
            {versions.length > 0 ? (
              <>
                <h3>Versions</h3>
                <ol className="plain-list">
                  {versions.map((v) => (
                    <li key={v.id}>
                      <strong>Version {v.version}</strong>{" "}
                      <span className="muted">
                        · {formatDate(v.publishedAt)} · {v.enrolled} enrolled
                      </span>
                      <p>{v.changelog}</p>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            <Form method="post" className="stack" noValidate>
              <ErrorSummary state={stateFor("details")} />
              <Field
                label="Title"
                name="title"
                state={stateFor("details")}
                defaultValue={course.title}
                maxLength={120}
              />
              <Field
                label="Description"
                name="description"
                multiline
                state={stateFor("details")}
                defaultValue={course.description}
                maxLength={1000}
              />
              <div className="checkbox">
                <input
                  type="checkbox"
                  id="course-open"
                  name="openToAll"
                  value="yes"
                  defaultChecked={course.openToAll}
                />
                <label htmlFor="course-open">Open to everyone: any learner here can enrol themselves</label>
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="details">
                  Save details
                </button>
              </div>
            </Form>
          </section>
          <section className="card" aria-labelledby="archive-course">
            <h2 id="archive-course">{course.status === "archived" ? "Archived" : "Archive"}</h2>
            <p>Archiving hides the course from learners who have not started it. Nothing is deleted.</p>
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value={course.status === "archived" ? "unarchive" : "archive"}
                className="button-secondary"
              >
                {course.status === "archived" ? "Bring back from the archive" : "Archive this course"}
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
