import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { Notice } from "~/components/layout";
import { SupportFields } from "~/components/support-fields";
import { requireAllowed } from "~/lib/auth.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled } from "~/lib/http.server";
import { idSchema } from "~/lib/ids.server";
import {
  addSupportResource,
  deleteSupportResource,
  isReachable,
  listSupportResources,
  moveSupportResource,
  supportResourceSchema,
} from "~/lib/organisations.server";

export const meta: MetaFunction = () => [{ title: "Support resources · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "organisation.manage");
    const resources = listSupportResources(context.runtime.db, actor.orgId).map((r) => ({
      ...r,
      reachable: isReachable(r),
    }));
    return { resources };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "organisation.manage");
    const form = await readForm(request);
    const { db } = context.runtime;
    const intent = form.get("intent");
    try {
      if (intent === "add") {
        const parsed = parseForm(form, supportResourceSchema);
        if (!parsed.ok) return invalid(parsed);
        addSupportResource(db, actor, parsed.data);
        return redirect("/organisation/support");
      }
      const id = idSchema.safeParse(form.get("resourceId"));
      if (!id.success) return invalid({ errors: { form: "That support resource could not be found." }, values: {} });
      if (intent === "up" || intent === "down") moveSupportResource(db, actor, id.data, intent);
      else if (intent === "delete") deleteSupportResource(db, actor, id.data);
    } catch (error) {
      return invalidFromError(error, form);
    }
    return redirect("/organisation/support");
  });

export default function SupportResources() {
  const { resources } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const visit = useLocation().key;
  return (
    <>
      <p>Everyone in your organisation sees these on the Support now page and in training. Learners see them first.</p>
      {resources.some((r) => !r.reachable) ? (
        <Notice>
          <p>
            Still to fill in:{" "}
            {resources
              .filter((r) => !r.reachable)
              .map((r) => r.name)
              .join(", ")}
            . Learners do not see a resource until it has a phone number, a text number or a website.
          </p>
        </Notice>
      ) : null}
      <ol className="plain-list">
        {resources.map((r, index) => (
          <li key={r.id} className="card">
            <h2 className="h3">{r.name}</h2>
            <p>{r.purpose}</p>
            <p className="muted">
              {r.reachable
                ? [r.phone, r.sms, r.web, r.hours].filter(Boolean).join(" · ")
                : "No contact details yet, so learners do not see it. Edit it to add them."}
            </p>
            <div className="actions">
              <Link to={`/organisation/support/${r.id}`} className="button button-secondary">
                Edit<span className="visually-hidden"> {r.name}</span>
              </Link>
              <Form method="post" className="inline-form">
                <input type="hidden" name="resourceId" value={r.id} />
                <button type="submit" name="intent" value="up" className="button-quiet" disabled={index === 0}>
                  Move up<span className="visually-hidden"> {r.name}</span>
                </button>{" "}
                <button
                  type="submit"
                  name="intent"
                  value="down"
                  className="button-quiet"
                  disabled={index === resources.length - 1}
                >
                  Move down<span className="visually-hidden"> {r.name}</span>
                </button>{" "}
                <button type="submit" name="intent" value="delete" className="button-quiet">
                  Remove<span className="visually-hidden"> {r.name}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="add-resource">
        <h2 id="add-resource">Add a support resource</h2>
        {/* The redirect after an add comes back to this same page, where React would keep what was typed in
            the fields: keyed by the visit, the form starts afresh (and a refused add refills it from the answer). */}
        <Form method="post" className="stack" noValidate key={visit}>
          <ErrorSummary state={state} />
          <SupportFields state={state} />
          <div className="actions">
            <button type="submit" name="intent" value="add">
              Add resource
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
