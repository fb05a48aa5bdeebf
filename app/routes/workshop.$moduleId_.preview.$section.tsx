import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SectionView } from "~/components/learning/section-view";
import { PageLink } from "~/components/page-links";
import { PreviewBanner } from "~/components/workshop/preview-banner";
import { requireContext } from "~/lib/auth.server";
import { learning, preview, supportChoice } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { handled, notFound, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import type { RouteHandle } from "~/root";

/** Rendered on the server like every learner page: no client code, so nothing of the editor or Yjs. */
export const handle: RouteHandle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Preview: ${data?.page.section.title ?? "Section"} · ${data?.page.module.title ?? ""} · Alongside` },
];

function sectionParam(params: Record<string, string | undefined>) {
  const n = Number(params.section);
  if (!Number.isInteger(n) || n < 1 || n > 500) notFound();
  return n;
}

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const search = new URL(request.url).searchParams;
    // An answer tried in preview comes back in the address, never stored.
    const tried = learning.answerSchema.safeParse({ checkId: search.get("check"), option: search.getAll("option") });
    const page = preview.previewSection(
      ctx,
      paramId(params, "moduleId"),
      sectionParam(params),
      tried.success ? { checkId: tried.data.checkId, chosen: tried.data.option } : null,
    );
    const needsSupport = page.parts.some((p) => p.kind === "signpost");
    return { page, support: needsSupport ? supportChoice.supportInTrainingForMe(ctx) : [] };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const section = sectionParam(params);
    const page = preview.previewSection(ctx, moduleId, section);
    const base = `/workshop/${moduleId}/preview`;
    // Moving on records nothing: the next section, or back to the editor after the last.
    const onward = () => redirect(page.next ? `${base}/${page.next}` : `/workshop/${moduleId}`);
    const form = await readForm(request);
    return dispatch(
      request,
      ctx,
      {
        next: intent({ run: onward }),
        skip: intent({ run: onward }),
        answer: intent({
          schema: learning.answerSchema,
          run: (ctx, input) => {
            const marked = preview.checkPreviewAnswer(ctx, moduleId, section, {
              checkId: input.checkId,
              chosen: input.option,
            });
            const query = new URLSearchParams([
              ["shown", "1"],
              ["check", marked.checkId],
            ]);
            for (const option of marked.chosen) query.append("option", option);
            return redirect(`${base}/${section}?${query}#check-${marked.checkId}`);
          },
        }),
      },
      { form, intentOf: { answer: `answer-${String(form.get("checkId"))}` } },
    );
  });

export default function PreviewSection() {
  const { page, support } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/workshop/${page.module.id}/preview`;
  return (
    <article className="learn-section">
      <PreviewBanner />
      <nav aria-label="Module" className="learn-breadcrumb">
        <PageLink to={`/workshop/${page.module.id}`}>Back to the editor</PageLink>
      </nav>
      <p className="muted">
        {page.module.title} · section {page.section.index} of {page.module.sectionCount}
      </p>
      <h1>{page.section.title}</h1>
      <SectionView
        contentNote={page.section.contentNote}
        shown={params.get("shown") === "1"}
        parts={page.parts}
        support={support}
        state={state}
        savedPrompt={null}
        previousHref={page.previous ? `${base}/${page.previous}` : null}
        isLast={page.next === null}
        preview
      />
    </article>
  );
}
