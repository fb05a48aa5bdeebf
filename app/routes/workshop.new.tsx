import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { PageHeader } from "~/components/layout";
import { ModuleFields } from "~/components/module-fields";
import { requireContext } from "~/lib/auth.server";
import { content, workshop } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "New module · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return {
      starters: content.starterModules(ctx),
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
  const { topics, starters } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/workshop">Back to the Workshop</Link>
      </p>
      <PageHeader title="New module" lead="You will be its facilitator. Invite co-designers once it exists." />
      <div className="two-columns">
        <section className="card" aria-labelledby="blank-title">
          <h2 id="blank-title">Start from a blank page</h2>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={state} labels={LABELS} />
            <ModuleFields state={state} topics={topics} />
            <div className="actions">
              <button type="submit" name="intent" value="blank">
                Create module
              </button>
            </div>
          </Form>
        </section>
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
    </>
  );
}
