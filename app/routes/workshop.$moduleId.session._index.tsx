import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { formatDateTime } from "~/components/layout";
import { endOf } from "~/components/workshop/agenda-clock";
import { requireContext } from "~/lib/auth.server";
import { workshopSessions } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const live = workshopSessions.liveSession(ctx, moduleId);
    return { moduleId, ...live, past: live.canRun ? workshopSessions.pastSessions(ctx, moduleId) : [] };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    return dispatch(request, ctx, {
      start: intent({
        schema: workshopSessions.startSessionSchema,
        run: (ctx, input) => {
          workshopSessions.startSession(ctx, context.runtime.collab, moduleId, input);
          return redirect(`/workshop/${moduleId}`);
        },
      }),
      break: intent({
        schema: workshopSessions.breakSchema,
        run: (ctx, input) => {
          workshopSessions.takeBreak(ctx, moduleId, input);
          return redirect(`/workshop/${moduleId}`);
        },
      }),
      resume: intent({
        run: (ctx) => {
          workshopSessions.resumeSession(ctx, moduleId);
          return redirect(`/workshop/${moduleId}`);
        },
      }),
      end: intent({
        run: (ctx) => {
          const { id } = workshopSessions.endSession(ctx, context.runtime.collab, moduleId);
          return redirect(`/workshop/${moduleId}/session/${id}`);
        },
      }),
    });
  });

const EXAMPLE = "10:00, 20, Welcome and ground rules\n10:20, 40, Rewriting the opening section\n11:00, 10, Break";

export default function Session() {
  const { moduleId, session, canRun, past } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="two-columns">
      <section aria-labelledby="session-page-title">
        <h2 id="session-page-title">Live session</h2>
        {!canRun ? <ErrorSummary state={state} /> : null}
        {session ? (
          <>
            <p>
              A session is running. Everyone working on the module sees its timer and breaks in the editor.{" "}
              <Link to={`/workshop/${moduleId}`}>Go to the editor</Link>
            </p>
            <h3>Agenda</h3>
            <ol>
              {session.agenda.map((item) => (
                <li key={`${item.start}-${item.title}`}>
                  {item.start}–{endOf(item)} {item.title}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>
            No session is running. A facilitator can start one with an agenda: everyone in the editor then sees what is
            on now and what is next, and breaks pause editing for everyone.
          </p>
        )}
        {canRun && past.length > 0 ? (
          <>
            <h3>Earlier sessions</h3>
            <ul>
              {past.map((s) => (
                <li key={s.id}>
                  <Link to={`/workshop/${moduleId}/session/${s.id}`}>Summary of {formatDateTime(s.startedAt)}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {canRun ? (
        <section className="card" aria-labelledby="session-form-title">
          {session ? (
            <>
              <h2 id="session-form-title">Run the session</h2>
              <ErrorSummary state={state} />
              <Form method="post" className="stack" noValidate>
                <Field label="Break length in minutes" name="minutes" type="number" state={state} defaultValue="10" />
                <div className="actions">
                  <button type="submit" name="intent" value="break">
                    Take a break
                  </button>
                  <button type="submit" name="intent" value="resume" className="button-secondary">
                    Resume now
                  </button>
                  <button type="submit" name="intent" value="end" className="button-secondary">
                    End the session
                  </button>
                </div>
              </Form>
            </>
          ) : (
            <>
              <h2 id="session-form-title">Start a session</h2>
              <Form method="post" className="stack" noValidate>
                <ErrorSummary state={state} />
                <Field
                  label="Agenda"
                  name="agenda"
                  multiline
                  state={state}
                  required
                  maxLength={5000}
                  hint={
                    <>
                      One item a line: start time, minutes, title. A title starting “Break” is a break. Items must not
                      overlap, and the whole session fits in 8 hours. For example:
                      <br />
                      <code className="agenda-example">{EXAMPLE}</code>
                    </>
                  }
                />
                <div className="actions">
                  <button type="submit" name="intent" value="start">
                    Start the session
                  </button>
                </div>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
