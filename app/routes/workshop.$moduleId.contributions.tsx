import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CreditForm } from "~/components/credit-form";
import { Notice } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { credits } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return credits.contributionsPage(ctx, paramId(params, "moduleId"));
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    return dispatch(request, ctx, {
      credit: intent({
        schema: credits.creditChoiceSchema,
        run: (ctx, input) => {
          credits.setCreditChoice(ctx, moduleId, input);
          return redirect(`/workshop/${moduleId}/contributions?saved=1`);
        },
      }),
    });
  });

const ROLE_NAMES: Record<string, string> = {
  facilitator: "Facilitator",
  co_designer: "Co-designer",
  reviewer: "Reviewer",
};

export default function Contributions() {
  const { moduleId, people, line, mine } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="two-columns">
      <section aria-labelledby="contributions-title">
        <h2 id="contributions-title">Who made this module</h2>
        <p className="credit-line">{line || "No contributions yet."}</p>
        {/* Four columns of counts are wider than a phone: the table scrolls, never the page. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard */}
        <section className="table-wrap" aria-label="Contributions by person" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Contributions: what each person's work left in the module</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Characters in the module now</th>
                <th scope="col">Blocks in the module now</th>
                <th scope="col">Comments</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.key}>
                  <td>
                    {p.isMe ? `You (${p.shownAs})` : p.shownAs}
                    <br />
                    <span className="muted">{p.role ? ROLE_NAMES[p.role] : "No longer on the module"}</span>
                  </td>
                  <td>{p.characters.toLocaleString("en-GB")}</td>
                  <td>{p.blocks}</td>
                  <td>{p.comments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <p className="muted">
          Counted from the module as it is now: the characters each person wrote and the training blocks they added that
          are still in it, and the comments they wrote. Work later undone, deleted or rewritten is not counted; whoever
          rewrites words is counted for the new ones. Everyone who wrote in the module stays credited.
        </p>
      </section>
      {mine ? (
        <section className="card" aria-labelledby="credit-title">
          <h2 id="credit-title">Your credit</h2>
          {params.get("saved") ? <Notice tone="success">Saved. It now shows this way everywhere.</Notice> : null}
          <p>
            Others see you as <strong>{mine.shownAs ?? "someone who chose not to be named"}</strong>. You can change
            this at any time; it changes everywhere this module is credited, including published training.
          </p>
          <CreditForm moduleId={moduleId} realName={mine.realName} mode={mine.mode} name={mine.name} state={state} />
        </section>
      ) : null}
    </div>
  );
}
