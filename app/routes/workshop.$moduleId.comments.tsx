import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
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

/** Comments are read on the Write page; this route only takes changes to them. */
export const loader = ({ params }: ActionFunctionArgs) => redirect(`/workshop/${params.moduleId ?? ""}`);

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
    return { ok: true as const, intent, threadId };
  });
