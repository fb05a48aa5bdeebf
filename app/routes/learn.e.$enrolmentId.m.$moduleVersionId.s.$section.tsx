import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { ContentNoteGate } from "~/components/learning/content-note-gate";
import { Html } from "~/components/learning/html";
import { KnowledgeCheck } from "~/components/learning/knowledge-check";
import { Reflection } from "~/components/learning/reflection";
import { Scenario } from "~/components/learning/scenario";
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
        <ContentNoteGate
          topics={page.section.contentNote ?? []}
          notes={page.parts.filter((p): p is PartOf<"note"> => p.kind === "note" && p.html !== "").map((p) => p.html)}
        />
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
                return <Scenario key={key} part={part} />;
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
