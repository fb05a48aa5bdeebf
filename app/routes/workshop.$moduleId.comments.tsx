import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { requireActor } from "~/lib/auth.server";
import {
  hideComment,
  hideSchema,
  markRead,
  newThreadSchema,
  reply,
  replySchema,
  setResolved,
  startThread,
  threadActionSchema,
} from "~/lib/coproduction.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";
import { openModule } from "~/lib/workshop.server";

/**
 * Comments are read on the Write page; this route takes changes to them. Its loader must not redirect:
 * after a plain form post Remix runs it to render the page, and a redirect would hide what went wrong.
 */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    openModule(context.runtime.db, actor, paramId(params, "moduleId"));
    return null;
  });

/** A plain form post (no JavaScript) is a page navigation: it goes back to the module afterwards. */
function isNavigation(request: Request) {
  return request.headers.get("Sec-Fetch-Mode") === "navigate";
}

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db, collab } = context.runtime;
    openModule(db, actor, moduleId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    let threadId: string | null = null;
    try {
      if (intent === "start") {
        const parsed = parseForm(form, newThreadSchema);
        if (!parsed.ok) return invalid(parsed);
        threadId = startThread(db, actor, moduleId, parsed.data);
      } else if (intent === "reply") {
        const parsed = parseForm(form, replySchema);
        if (!parsed.ok) return invalid(parsed);
        reply(db, actor, moduleId, parsed.data.threadId, parsed.data.body);
        threadId = parsed.data.threadId;
      } else if (intent === "resolve" || intent === "reopen") {
        const parsed = parseForm(form, threadActionSchema);
        if (!parsed.ok) return invalid(parsed);
        setResolved(db, actor, moduleId, parsed.data.threadId, intent === "resolve");
        threadId = parsed.data.threadId;
      } else if (intent === "hide") {
        const parsed = parseForm(form, hideSchema);
        if (!parsed.ok) return invalid(parsed);
        hideComment(db, actor, moduleId, parsed.data.commentId, parsed.data.reason);
      } else if (intent === "read") {
        markRead(db, moduleId, actor.userId);
        return { ok: true as const, intent, threadId: null };
      } else {
        return invalid({ errors: { form: "Choose what to do with the comment." }, values: {} });
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    collab.notify(moduleId, "comments");
    if (isNavigation(request)) return redirect(`/workshop/${moduleId}`);
    return { ok: true as const, intent, threadId };
  });

/** Shown when a comment posted without JavaScript could not be saved: what went wrong, and the way back. */
export default function CommentProblem() {
  const state = useActionData<typeof action>();
  const { moduleId } = useParams();
  if (!state || state.ok) {
    return (
      <div className="narrow">
        <h2>Comments</h2>
        <p>
          Comments are shown beside the module's text. <Link to={`/workshop/${moduleId ?? ""}`}>Open the module</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h2>Your comment was not saved</h2>
      <ErrorSummary state={state && !state.ok ? state : undefined} />
      {state && !state.ok && typeof state.values?.body === "string" && state.values.body ? (
        <>
          <p>What you wrote, so you can copy it:</p>
          <blockquote className="comment-quote">{state.values.body}</blockquote>
        </>
      ) : null}
      <p>
        <Link to={`/workshop/${moduleId ?? ""}`}>Back to the module</Link>
      </p>
    </div>
  );
}
