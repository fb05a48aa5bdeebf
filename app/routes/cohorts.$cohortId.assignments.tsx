import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, fieldValue } from "~/components/form";
import { formatDate, Notice } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";
import {
  assign,
  assignmentIdSchema,
  assignmentSchema,
  changeDueDate,
  coursesOf,
  getCohort,
  listAssignments,
  moveToLatestVersion,
  newerCourseVersions,
  publishableModules,
  removeAssignment,
} from "~/lib/cohorts.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    getCohort(db, actor.orgId, cohortId);
    const assignments = listAssignments(db, cohortId).map((a) => ({
      id: a.id,
      title: a.title,
      version: a.version,
      dueOn: a.dueOn,
      single: a.single !== null,
      newer: a.latestVersion > a.version ? newerCourseVersions(db, a.courseId, a.version) : [],
    }));
    const given = new Set(listAssignments(db, cohortId).map((a) => a.courseId));
    return {
      assignments,
      courses: coursesOf(db, actor.orgId).filter((c) => c.status === "published" && !given.has(c.id)),
      modules: publishableModules(db, actor.orgId),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    getCohort(db, actor.orgId, cohortId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    try {
      if (intent === "assign") {
        const parsed = parseForm(form, assignmentSchema);
        if (!parsed.ok) return invalid(parsed);
        assign(db, actor, cohortId, parsed.data);
        return redirect(`/cohorts/${cohortId}/assignments?assigned=1`);
      }
      const which = parseForm(form, assignmentIdSchema);
      if (!which.ok) return invalid(which);
      const { assignmentId } = which.data;
      if (intent === "move") {
        const moved = moveToLatestVersion(db, actor, assignmentId);
        return redirect(`/cohorts/${cohortId}/assignments?moved=${moved.moved}`);
      }
      if (intent === "due") {
        const parsed = parseForm(form, assignmentSchema.pick({ dueOn: true }));
        if (!parsed.ok) return invalid({ ...parsed, intent: `due-${assignmentId}` });
        changeDueDate(db, actor, assignmentId, parsed.data.dueOn);
      } else if (intent === "remove") {
        removeAssignment(db, actor, assignmentId);
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    return redirect(`/cohorts/${cohortId}/assignments`);
  });

export default function Assignments() {
  const { assignments, courses, modules } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const assignState = state?.intent === "assign" ? state : undefined;
  return (
    <div className="two-columns">
      <section aria-labelledby="assigned-title">
        <h2 id="assigned-title">Assigned</h2>
        {params.get("assigned") ? (
          <Notice tone="success">Assigned. Everyone in the cohort can see it in My learning.</Notice>
        ) : null}
        {params.get("moved") ? (
          <Notice tone="success">
            {params.get("moved")} {params.get("moved") === "1" ? "learner" : "learners"} moved to the new version. Their
            completed modules still count, and they were told what changed.
          </Notice>
        ) : null}
        <ErrorSummary
          state={state && !state.intent?.startsWith("due-") && state.intent !== "assign" ? state : undefined}
        />
        {assignments.length === 0 ? (
          <p>Nothing yet.</p>
        ) : (
          <ul className="plain-list">
            {assignments.map((a) => {
              const dueState = state?.intent === `due-${a.id}` ? state : undefined;
              return (
                <li key={a.id} className="card">
                  <h3>
                    {a.title} <span className="badge">{a.single ? "Single module" : `Version ${a.version}`}</span>
                  </h3>
                  <p>{a.dueOn ? `Due ${formatDate(a.dueOn)}` : "No due date"}</p>
                  {a.newer.length > 0 ? (
                    <div className="notice">
                      <p>
                        <strong>A newer version is available.</strong> What changed:
                      </p>
                      <ul>
                        {a.newer.map((n) => (
                          <li key={n.id}>
                            Version {n.version}: {n.changelog}
                          </li>
                        ))}
                      </ul>
                      <Form method="post">
                        <input type="hidden" name="assignmentId" value={a.id} />
                        <button type="submit" name="intent" value="move" className="button-secondary small">
                          Move the cohort to version {a.newer[a.newer.length - 1]?.version}
                        </button>
                      </Form>
                      <p className="hint">
                        Learners still working move over and keep what they completed; those who finished keep their
                        version.
                      </p>
                    </div>
                  ) : null}
                  <Form method="post" className="stack" noValidate>
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <Field
                      label="Due date"
                      name="dueOn"
                      type="date"
                      state={dueState}
                      defaultValue={a.dueOn ?? ""}
                      hint="Leave empty for no due date."
                    />
                    <div className="actions">
                      <button type="submit" name="intent" value="due" className="button-secondary small">
                        Change due date<span className="visually-hidden"> for {a.title}</span>
                      </button>
                      <button type="submit" name="intent" value="remove" className="button-quiet small">
                        Remove assignment<span className="visually-hidden"> {a.title}</span>
                      </button>
                    </div>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="assign-title">
        <h2 id="assign-title">Assign training</h2>
        {courses.length === 0 && modules.length === 0 ? (
          <p>Nothing is published yet. Publish a course (or have a module published) first.</p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={assignState} />
            <div className={assignState?.errors?.target ? "field field-error" : "field"}>
              <label htmlFor="assign-target">Course or module</label>
              {assignState?.errors?.target ? <p className="error-message">{assignState.errors.target}</p> : null}
              <select id="assign-target" name="target" defaultValue={fieldValue(assignState, "target")}>
                {courses.length > 0 ? (
                  <optgroup label="Courses">
                    {courses.map((c) => (
                      <option key={c.id} value={`course:${c.id}`}>
                        {c.title} (version {c.latestVersion})
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {modules.length > 0 ? (
                  <optgroup label="Single modules">
                    {modules.map((m) => (
                      <option key={m.moduleId} value={`module:${m.moduleId}`}>
                        {m.title} (version {m.version})
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
            </div>
            <Field label="Due date (optional)" name="dueOn" type="date" state={assignState} />
            <div className="actions">
              <button type="submit" name="intent" value="assign">
                Assign to the cohort
              </button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
