import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { SupportFields } from "~/components/support-fields";
import { requireAllowed } from "~/lib/auth.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, notFound, paramId } from "~/lib/http.server";
import { listSupportResources, supportResourceSchema, updateSupportResource } from "~/lib/organisations.server";

export const meta: MetaFunction = () => [{ title: "Edit support resource · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "organisation.manage");
    const id = paramId(params, "resourceId");
    const resource = listSupportResources(context.runtime.db, actor.orgId).find((r) => r.id === id);
    if (!resource) notFound();
    return { resource };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "organisation.manage");
    const id = paramId(params, "resourceId");
    const form = await readForm(request);
    const parsed = parseForm(form, supportResourceSchema);
    if (!parsed.ok) return invalid(parsed);
    try {
      updateSupportResource(context.runtime.db, actor, id, parsed.data);
    } catch (error) {
      return invalidFromError(error, form);
    }
    return redirect("/organisation/support");
  });

export default function EditSupportResource() {
  const { resource } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p>
        <Link to="/organisation/support">Back to support resources</Link>
      </p>
      <h2>Edit {resource.name}</h2>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <SupportFields state={state} resource={resource} />
        <div className="actions">
          <button type="submit">Save</button>
        </div>
      </Form>
    </div>
  );
}
