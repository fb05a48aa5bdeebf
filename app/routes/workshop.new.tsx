import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { PageHeader } from "~/components/layout";
import { ModuleFields } from "~/components/module-fields";
import { requireAllowed } from "~/lib/auth.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled } from "~/lib/http.server";
import { listStarterModules, startFromStarter } from "~/lib/starter.server";
import { createModule, MODULE_TOPICS, moduleDetailsSchema, TOPIC_LABELS } from "~/lib/workshop.server";

export const meta: MetaFunction = () => [{ title: "New module · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    await requireAllowed(request, context, "module.create");
    return {
      topics: MODULE_TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] })),
      starters: listStarterModules().map((s) => ({
        slug: s.slug,
        title: s.details.title,
        summary: s.details.summary,
        minutes: s.details.estimatedMinutes,
      })),
    };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "module.create");
    const form = await readForm(request);
    const { db } = context.runtime;
    if (form.get("intent") === "starter") {
      const slug = String(form.get("slug") ?? "");
      const created = startFromStarter(db, { orgId: actor.orgId, createdBy: actor.userId, slug });
      return redirect(`/workshop/${created.id}?started=1`);
    }
    const parsed = parseForm(form, moduleDetailsSchema);
    if (!parsed.ok) return invalid(parsed);
    try {
      const created = db.transaction((tx) =>
        createModule(tx, { ...parsed.data, orgId: actor.orgId, createdBy: actor.userId }),
      );
      return redirect(`/workshop/${created.id}`);
    } catch (error) {
      return invalidFromError(error, form);
    }
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
