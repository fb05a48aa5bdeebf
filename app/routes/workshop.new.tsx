import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportForm, type ImportState } from "~/components/content/import-form";
import { ErrorSummary } from "~/components/form";
import { PageHeader } from "~/components/layout";
import { ModuleFields } from "~/components/module-fields";
import { TemplateList } from "~/components/workshop/template-list";
import { requireContext } from "~/lib/auth.server";
import { content, reuse, workshop } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "New module · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return {
      starters: content.starterModules(ctx),
      templates: reuse.listTemplates(ctx),
      maxFiles: content.MAX_UPLOAD_FILES,
      topics: workshop.MODULE_TOPICS.map((t) => ({ value: t, label: workshop.TOPIC_LABELS[t] })),
    };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(request, ctx, {
      blank: intent({
        schema: workshop.moduleDetailsSchema,
        run: (ctx, input) => redirect(`/workshop/${workshop.newModule(ctx, input).id}`),
      }),
      starter: intent({
        schema: content.starterChoiceSchema,
        run: (ctx, input) => redirect(`/workshop/${content.newModuleFromStarter(ctx, input.slug).id}?started=1`),
      }),
      template: intent({
        schema: reuse.templateChoiceSchema,
        run: (ctx, input) =>
          redirect(`/workshop/${reuse.newModuleFromTemplate(ctx, input.templateId).id}?duplicated=1`),
      }),
      import: intent({
        // The file is read from the form itself: parsed forms hold only text fields.
        run: async (ctx, _input, form) => {
          const parsed = content.uploadSchema.safeParse({ file: form.get("file") });
          if (!parsed.success) {
            return data({ intent: "import", errors: { file: parsed.error.issues[0]?.message ?? "" } }, { status: 400 });
          }
          const { file } = parsed.data;
          const bytes = new Uint8Array(await file.arrayBuffer());
          const result = await content.importUpload(ctx, { name: file.name, bytes });
          if (result.ok) return { intent: "import", imported: result.modules };
          return data({ intent: "import", file: result.file, problems: result.problems }, { status: 400 });
        },
      }),
    });
  });

const LABELS = {
  title: "Title",
  topic: "Topic",
  customTopic: "Other topic",
  summary: "Summary",
  estimatedMinutes: "Minutes",
};

export default function NewModule() {
  const { topics, starters, templates, maxFiles } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const importing = state !== undefined && "intent" in state && state.intent === "import";
  const blankState = importing || !state || !("errors" in state) ? undefined : state;
  return (
    <>
      <p>
        <Link to="/workshop">Back to the Workshop</Link>
      </p>
      <PageHeader title="New module" lead="You will be its facilitator. Invite co-designers once it exists." />
      <div className="two-columns">
        <div className="stack">
          <section className="card" aria-labelledby="blank-title">
            <h2 id="blank-title">Start from a blank page</h2>
            <Form method="post" className="stack" noValidate>
              <ErrorSummary state={blankState} labels={LABELS} />
              <ModuleFields state={blankState} topics={topics} />
              <div className="actions">
                <button type="submit" name="intent" value="blank">
                  Create module
                </button>
              </div>
            </Form>
          </section>
          <ImportForm state={importing ? (state as ImportState) : undefined} maxFiles={maxFiles} />
        </div>
        <div className="stack">
          <TemplateList templates={templates} />
          <section aria-labelledby="starter-title">
            <h2 id="starter-title">Or start from a starter module</h2>
            <p>
              Written from research with peer supporters. Each one is a draft for your co-designers to rework and make
              your own.
            </p>
            <ul className="plain-list">
              {starters.map((s) => (
                <li key={s.slug} className="card">
                  <h3>{s.title}</h3>
                  <p>{s.summary}</p>
                  <p className="muted">About {s.minutes} minutes</p>
                  <Form method="post">
                    <input type="hidden" name="slug" value={s.slug} />
                    <button type="submit" name="intent" value="starter" className="button-secondary">
                      Start from “{s.title}”
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
