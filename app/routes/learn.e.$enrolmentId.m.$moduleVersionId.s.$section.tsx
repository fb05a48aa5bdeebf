import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SectionView } from "~/components/learning/section-view";
import { PageLink } from "~/components/page-links";
import { SAVE_PLAN } from "~/components/self-care/plan-form";
import { requireContext } from "~/lib/auth.server";
import { learning, selfCare, supportChoice } from "~/lib/domain.server";
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
    const invitesPlan = page.parts.some((p) => p.kind === "selfCarePlan");
    return {
      page,
      support: needsSupport ? supportChoice.supportInTrainingForMe(ctx) : [],
      selfCarePlan: invitesPlan ? selfCare.mySelfCarePlan(ctx) : null,
    };
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
        // The one plan the learner keeps, whichever course they write it from; never part of progress.
        [SAVE_PLAN]: intent({
          schema: selfCare.selfCarePlanSchema,
          run: (ctx, input) => {
            selfCare.saveSelfCarePlan(ctx, input);
            return redirect(`${here}?shown=1&plan=saved#self-care-plan`);
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

export default function SectionPage() {
  const { page, support, selfCarePlan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/learn/e/${page.enrolmentId}`;
  return (
    <article className="learn-section">
      <nav aria-label="Course" className="learn-breadcrumb">
        <PageLink to={base}>{page.courseTitle}: course outline</PageLink>
      </nav>
      <p className="muted">
        {page.module.title} · section {page.section.index} of {page.module.sectionCount}
        {page.section.status === "viewed" ? " · done" : page.section.status === "skipped" ? " · skipped for now" : ""}
      </p>
      <h1>{page.section.title}</h1>
      <SectionView
        contentNote={page.section.contentNote}
        shown={params.get("shown") === "1"}
        parts={page.parts}
        support={support}
        state={state}
        savedPrompt={params.get("saved")}
        previousHref={page.previous ? `${base}/m/${page.previous.moduleVersionId}/s/${page.previous.section}` : null}
        isLast={!page.next}
        selfCarePlan={selfCarePlan}
        planSaved={params.get("plan") === "saved"}
      />
    </article>
  );
}
