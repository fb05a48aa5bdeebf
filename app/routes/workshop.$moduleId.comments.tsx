import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { requireContext } from "~/lib/auth.server";
import { comments, workshop } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

/**
 * Comments are read on the Write page; this route takes changes to them. Its loader must not redirect:
 * after a plain form post Remix runs it to render the page, and a redirect would hide what went wrong.
 */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const { id } = workshop.moduleHeading(ctx, paramId(params, "moduleId"));
    return { moduleId: id };
  });

/** A plain form post (no JavaScript) is a page navigation: it goes back to the module afterwards. */
function isNavigation(request: Request) {
  return request.headers.get("Sec-Fetch-Mode") === "navigate";
}

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    // Open editors reload their comments by themselves: each change tells it.
    const done = (intent: string, threadId: string | null) =>
      isNavigation(request) ? redirect(`/workshop/${moduleId}`) : { ok: true as const, intent, threadId };
    return dispatch(request, ctx, {
      start: intent({
        schema: comments.newThreadSchema,
        run: (ctx, input) => done("start", comments.startThread(ctx, moduleId, input)),
      }),
      reply: intent({
        schema: comments.replySchema,
        run: (ctx, input) => {
          comments.reply(ctx, moduleId, input.threadId, input.body);
          return done("reply", input.threadId);
        },
      }),
      "suggestion-reply": intent({
        schema: comments.suggestionReplySchema,
        run: (ctx, input) =>
          done(
            "suggestion-reply",
            comments.replyToSuggestion(ctx, context.runtime.collab, moduleId, input.suggestionId, input.body),
          ),
      }),
      settle: intent({
        schema: comments.settleSuggestionSchema,
        run: (ctx, input) => {
          for (const id of input.suggestionIds) comments.settleSuggestionThread(ctx, moduleId, id, input.outcome);
          return done("settle", null);
        },
      }),
      resolve: intent({
        schema: comments.threadActionSchema,
        run: (ctx, input) => {
          comments.setResolved(ctx, moduleId, input.threadId, true);
          return done("resolve", input.threadId);
        },
      }),
      reopen: intent({
        schema: comments.threadActionSchema,
        run: (ctx, input) => {
          comments.setResolved(ctx, moduleId, input.threadId, false);
          return done("reopen", input.threadId);
        },
      }),
      hide: intent({
        schema: comments.hideSchema,
        run: (ctx, input) => {
          comments.hideComment(ctx, moduleId, input.commentId, input.reason);
          return done("hide", null);
        },
      }),
      read: intent({
        run: (ctx) => {
          comments.markRead(ctx, moduleId);
          return { ok: true as const, intent: "read", threadId: null };
        },
      }),
    });
  });

/** Shown when a comment posted without JavaScript could not be saved: what went wrong, and the way back. */
export default function CommentProblem() {
  const state = useActionData<typeof action>();
  const { moduleId } = useLoaderData<typeof loader>();
  if (!state || state.ok) {
    return (
      <div className="narrow">
        <h2>Comments</h2>
        <p>
          Comments are shown beside the module's text. <Link to={`/workshop/${moduleId}`}>Open the module</Link>
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
        <Link to={`/workshop/${moduleId}`}>Back to the module</Link>
      </p>
    </div>
  );
}
