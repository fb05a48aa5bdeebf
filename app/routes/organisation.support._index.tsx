import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { SupportPlacesLine } from "~/components/support/support-places-line";
import { SupportReviewNotice } from "~/components/support/support-review-notice";
import { SupportFields } from "~/components/support-fields";
import { requireContext } from "~/lib/auth.server";
import { organisations } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import { placeOptions } from "~/lib/support.server";

export const meta: MetaFunction = () => [{ title: "Support resources · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return {
      resources: organisations.supportToManage(ctx),
      review: organisations.supportDefaultsReview(ctx),
      places: placeOptions(),
    };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const back = () => redirect("/organisation/support");
    return dispatch(request, ctx, {
      add: intent({
        schema: organisations.supportResourceSchema,
        run: (ctx, input) => {
          organisations.addSupportResource(ctx, input);
          return back();
        },
      }),
      up: intent({
        schema: organisations.resourceIdSchema,
        run: (ctx, input) => {
          organisations.moveSupportResource(ctx, input.resourceId, "up");
          return back();
        },
      }),
      down: intent({
        schema: organisations.resourceIdSchema,
        run: (ctx, input) => {
          organisations.moveSupportResource(ctx, input.resourceId, "down");
          return back();
        },
      }),
      delete: intent({
        schema: organisations.resourceIdSchema,
        run: (ctx, input) => {
          organisations.deleteSupportResource(ctx, input.resourceId);
          return back();
        },
      }),
    });
  });

export default function SupportResources() {
  const { resources, review, places } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const visit = useLocation().key;
  return (
    <>
      <p>
        Everyone in your organisation sees these on the Support now page and in training. Each person who chooses where
        they are and which groups matter to them sees what fits first; you never see their choice.
      </p>
      <SupportReviewNotice review={review} />
      <ol className="plain-list">
        {resources.map((r, index) => (
          <li key={r.id} className="card">
            <h2 className="h3">{r.name}</h2>
            <p>{r.purpose}</p>
            <SupportPlacesLine resource={r} places={places} />
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
          <SupportFields state={state} places={places} />
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
