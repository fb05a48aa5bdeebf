import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { Notice } from "~/components/layout";
import { SupportList } from "~/components/support-list";
import { requireContext } from "~/lib/auth.server";
import { learning, organisations } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { handled, notFound, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page.section.title ?? "Section"} · ${data?.page.module.title ?? ""} · Alongside` },
];

function sectionParam(params: Record<string, string | undefined>) {
  const n = Number(params.section);
  if (!Number.isInteger(n) || n < 1 || n > 500) notFound();
  return n;
}

/** The learner's context and the place the address names, every id checked against the others. */
async function placeOf({ request, context, params }: LoaderFunctionArgs) {
  const ctx = await requireContext(request, context);
  const place = learning.learnerPlace(ctx, {
    enrolmentId: paramId(params, "enrolmentId"),
    moduleVersionId: paramId(params, "moduleVersionId"),
    section: sectionParam(params),
  });
  return { ctx, place };
}

export const loader = (args: LoaderFunctionArgs) =>
  handled(async () => {
    const { ctx, place } = await placeOf(args);
    const page = learning.sectionPage(ctx, place);
    const needsSupport = page.parts.some((p) => p.kind === "signpost");
    return { page, support: needsSupport ? organisations.supportForLearners(ctx) : [] };
  });

export const action = (args: ActionFunctionArgs) =>
  handled(async () => {
    const { ctx, place } = await placeOf(args);
    const base = `/learn/e/${place.enrolment.id}`;
    const here = `${base}/m/${place.module.versionId}/s/${place.section.index}`;
    const step = (kind: "viewed" | "skipped") => {
      const next = learning.recordStep(ctx, place, kind);
      return redirect(next ? `${base}/m/${next.moduleVersionId}/s/${next.section}` : `${base}?finished=1`);
    };
    const form = await readForm(args.request);
    return dispatch(
      args.request,
      ctx,
      {
        next: intent({ run: () => step("viewed") }),
        skip: intent({ run: () => step("skipped") }),
        answer: intent({
          schema: learning.answerSchema,
          run: (ctx, input) => {
            const { checkId } = learning.answerCheck(ctx, place, { checkId: input.checkId, chosen: input.option });
            // Back to the section itself ("shown"): a content note, already read, must not hide the feedback.
            return redirect(`${here}?shown=1#check-${checkId}`);
          },
        }),
        reflect: intent({
          schema: learning.reflectionSchema,
          run: (ctx, input) => {
            const { promptId } = learning.reflect(ctx, place, input);
            return redirect(`${here}?shown=1&saved=${promptId}#reflection-${promptId}`);
          },
        }),
      },
      // A block shows its own input's messages beside it, so their state names the block.
      {
        form,
        intentOf: {
          answer: `answer-${String(form.get("checkId"))}`,
          reflect: `reflect-${String(form.get("promptId"))}`,
        },
      },
    );
  });

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type PartOf<K extends string> = Extract<Data["page"]["parts"][number], { kind: K }>;
type ActionState = ReturnType<typeof useActionData<typeof action>>;

function Html({ html, as: Tag = "div", className }: { html: string; as?: "div" | "span"; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server from the published, schema-checked version
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function KnowledgeCheck({ part, state }: { part: PartOf<"check">; state: ActionState }) {
  const mine = state?.intent === `answer-${part.id}` ? state : undefined;
  const chosen = new Set(part.answer?.answer ?? []);
  const InputType = part.multiple ? "checkbox" : "radio";
  return (
    <section className="learn-block learn-check" id={`check-${part.id}`} aria-labelledby={`check-${part.id}-q`}>
      <h2 className="block-heading">Check your understanding</h2>
      <Form method="post">
        <input type="hidden" name="checkId" value={part.id} />
        <fieldset aria-describedby={mine?.errors?.option ? `check-${part.id}-error` : undefined}>
          <legend id={`check-${part.id}-q`}>
            <Html html={part.questionHtml} as="span" />
            {part.multiple ? <span className="hint"> Choose all that apply.</span> : null}
          </legend>
          {mine?.errors?.option ? (
            <p className="error-message" id={`check-${part.id}-error`}>
              {mine.errors.option}
            </p>
          ) : null}
          {part.options.map((o) => (
            <div className={InputType} key={o.id}>
              <input
                type={InputType}
                id={`check-${part.id}-${o.id}`}
                name="option"
                value={o.id}
                defaultChecked={chosen.has(o.id)}
              />
              <label htmlFor={`check-${part.id}-${o.id}`}>
                <Html html={o.html} as="span" />
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" name="intent" value="answer" className="button-secondary">
          {part.answer ? "Check again" : "Check my answer"}
        </button>
      </Form>
      {part.answer ? (
        <div className="check-feedback" role="status">
          <p>
            <strong>{part.answer.correct ? "That's right." : "Not quite. Have another look and try again."}</strong>
          </p>
          <ul>
            {part.options
              .filter((o) => chosen.has(o.id))
              .map((o) => (
                <li key={o.id}>
                  <Html html={o.html} as="span" className="feedback-choice" />: <Html html={o.feedbackHtml} as="span" />
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Reflection({ part, state, saved }: { part: PartOf<"reflection">; state: ActionState; saved: boolean }) {
  const mine = state?.intent === `reflect-${part.id}` ? state : undefined;
  const typed = typeof mine?.values?.body === "string" ? mine.values.body : undefined;
  return (
    <section
      className="learn-block learn-reflection"
      id={`reflection-${part.id}`}
      aria-labelledby={`reflect-${part.id}-label`}
    >
      <h2 className="block-heading">Reflect</h2>
      {saved ? <Notice tone="success">Saved to your journal. Only you can see it.</Notice> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="promptId" value={part.id} />
        <label htmlFor={`reflect-${part.id}`} id={`reflect-${part.id}-label`}>
          <Html html={part.html} as="span" />
        </label>
        <p className="hint" id={`reflect-${part.id}-hint`}>
          Private: this goes into your own journal. Trainers and facilitators never see it. You can leave it blank.
        </p>
        {mine?.errors?.body ? (
          <p className="error-message" id={`reflect-${part.id}-error`}>
            {mine.errors.body}
          </p>
        ) : null}
        <textarea
          id={`reflect-${part.id}`}
          name="body"
          rows={5}
          aria-describedby={`reflect-${part.id}-hint${mine?.errors?.body ? ` reflect-${part.id}-error` : ""}`}
          aria-invalid={mine?.errors?.body ? true : undefined}
          defaultValue={typed ?? part.saved ?? ""}
        />
        <div className="actions">
          <button type="submit" name="intent" value="reflect" className="button-secondary">
            Save to my journal
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function SectionPage() {
  const { page, support } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/learn/e/${page.enrolmentId}`;
  const showNoteFirst = page.section.contentNote !== null && params.get("shown") !== "1";
  const savedPrompt = params.get("saved");
  return (
    <article className="learn-section">
      <nav aria-label="Course" className="learn-breadcrumb">
        <Link to={base}>{page.courseTitle}: course outline</Link>
      </nav>
      <p className="muted">
        {page.module.title} · section {page.section.index} of {page.module.sectionCount}
        {page.section.status === "viewed" ? " · done" : page.section.status === "skipped" ? " · skipped for now" : ""}
      </p>
      <h1>{page.section.title}</h1>
      {/* A block shows its own problems; anything no block on the page claims (a forged id) shows here. */}
      <ErrorSummary
        state={
          page.parts.some(
            (p) =>
              (p.kind === "check" && state?.intent === `answer-${p.id}`) ||
              (p.kind === "reflection" && state?.intent === `reflect-${p.id}`),
          )
            ? undefined
            : state
        }
      />
      {showNoteFirst ? (
        <section className="content-note" aria-labelledby="note-title">
          <h2 id="note-title">Before you start: a content note</h2>
          <p>This section talks about: {page.section.contentNote?.join(", ")}.</p>
          {page.parts
            .filter((p): p is PartOf<"note"> => p.kind === "note" && p.html !== "")
            .map((p) => (
              <Html key={p.html} html={p.html} as="div" />
            ))}
          <p>
            Only go on if it feels right today. You can skip it for now, with no penalty, and come back to it from the
            course outline.
          </p>
          <div className="actions">
            <Link to="?shown=1" className="button">
              Continue to the section
            </Link>
            <Form method="post">
              <button type="submit" name="intent" value="skip" className="button-secondary">
                Skip for now
              </button>
            </Form>
            <Link to="/support" className="button button-quiet">
              Take a break
            </Link>
          </div>
        </section>
      ) : (
        <>
          {page.parts.map((part, i) => {
            const key = `${part.kind}-${i}`;
            switch (part.kind) {
              case "html":
                return <Html key={key} html={part.html} className="learn-text" />;
              case "note":
                return (
                  <aside key={key} className="content-note small-note" aria-label="Content note">
                    <p>
                      <strong>Content note:</strong> {part.topics.join(", ")}
                    </p>
                    {part.html ? <Html html={part.html} /> : null}
                  </aside>
                );
              case "check":
                return <KnowledgeCheck key={key} part={part} state={state} />;
              case "reflection":
                return <Reflection key={key} part={part} state={state} saved={savedPrompt === part.id} />;
              case "scenario":
                return (
                  <section key={key} className="learn-block learn-scenario" aria-labelledby={`scenario-${part.id}`}>
                    <h2 className="block-heading" id={`scenario-${part.id}`}>
                      Scenario
                    </h2>
                    <Html html={part.situationHtml} as="div" className="scenario-situation" />
                    <p className="hint">Think about what you would do, then open each response to read about it.</p>
                    {part.responses.map((r) => (
                      <details key={r.id} className="scenario-response">
                        <summary>
                          <Html html={r.html} as="span" />
                        </summary>
                        <Html html={r.discussionHtml} as="div" />
                      </details>
                    ))}
                  </section>
                );
              case "takeaway":
                return (
                  <aside key={key} className="learn-block learn-takeaway" aria-label="Key takeaways">
                    <h2 className="block-heading">Key takeaways</h2>
                    <Html html={part.html} />
                  </aside>
                );
              case "signpost":
                return (
                  <aside key={key} className="learn-block learn-signpost" aria-label="Support you can reach">
                    <h2 className="block-heading">Support you can reach</h2>
                    {part.leadInHtml ? <Html html={part.leadInHtml} /> : null}
                    <SupportList resources={support} headingLevel={3} />
                  </aside>
                );
              default:
                return null;
            }
          })}
          <nav className="learn-pager" aria-label="Sections">
            {page.previous ? (
              <Link
                to={`${base}/m/${page.previous.moduleVersionId}/s/${page.previous.section}`}
                className="button button-quiet"
              >
                Previous
              </Link>
            ) : (
              <span />
            )}
            <Form method="post">
              <button type="submit" name="intent" value="next">
                {page.next ? "Next" : "Finish"}
              </button>
            </Form>
          </nav>
        </>
      )}
    </article>
  );
}
