import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { SupportFields } from "~/components/support-fields";
import { requireContext } from "~/lib/auth.server";
import { organisations } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import { placeOptions } from "~/lib/support.server";

export const meta: MetaFunction = () => [{ title: "Edit support resource · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { resource: organisations.supportResource(ctx, paramId(params, "resourceId")), places: placeOptions() };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const id = paramId(params, "resourceId");
    // The address first: another organisation's resource is not there, whatever the form holds.
    organisations.supportResource(ctx, id);
    return dispatch(
      request,
      ctx,
      {
        save: intent({
          schema: organisations.supportResourceSchema,
          run: (ctx, input) => {
            organisations.updateSupportResource(ctx, id, input);
            return redirect("/organisation/support");
          },
        }),
      },
      { fallback: "save" },
    );
  });

export default function EditSupportResource() {
  const { resource, places } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p>
        <Link to="/organisation/support">Back to support resources</Link>
      </p>
      <h2>Edit {resource.name}</h2>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <SupportFields state={state} resource={resource} places={places} />
        <div className="actions">
          <button type="submit">Save</button>
        </div>
      </Form>
    </div>
  );
}
