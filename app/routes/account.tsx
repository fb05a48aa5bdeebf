import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CreditForm } from "~/components/credit-form";
import { ErrorSummary, Field } from "~/components/form";
import { Notice, PageHeader } from "~/components/layout";
import { contextOf, getActor, visitContext } from "~/lib/auth.server";
import { account, credits } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { dispatch, intent } from "~/lib/intents.server";
import { roleList } from "~/lib/roles";

export const meta: MetaFunction = () => [{ title: "Your account · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const { session, actor } = await getActor(request, context);
  const visit = await visitContext(request, context);
  return {
    user: session.user,
    currentOrgId: actor?.orgId ?? null,
    organisations: account.myOrganisations(visit),
    credits: actor ? credits.myCredits(contextOf(context, actor)) : [],
  };
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const { session, actor } = await getActor(request, context);
  const visit = await visitContext(request, context);
  const form = await readForm(request);
  const moduleId = String(form.get("moduleId") ?? "");
  return dispatch(
    request,
    visit,
    {
      switch: intent({
        schema: account.switchOrganisationSchema,
        run: (visit, input) => {
          account.switchOrganisation(visit, session.id, input);
          return redirect("/");
        },
      }),
      profile: intent({
        schema: account.profileSchema,
        run: (visit, input) => {
          account.renameMe(visit, input);
          return redirect("/account?saved=profile");
        },
      }),
      credit: intent({
        schema: credits.creditChoiceSchema,
        run: (_visit, input) => {
          // Someone in no organisation has no modules to be credited on.
          if (!actor) return redirect("/account");
          credits.setCreditChoice(contextOf(context, actor), moduleId, input);
          return redirect("/account?saved=credit");
        },
      }),
      password: intent({
        schema: account.changePasswordSchema,
        run: async (visit, input) => {
          await account.changeMyPassword(visit, session.id, input);
          return redirect("/account?saved=password");
        },
      }),
    },
    { form, intentOf: { credit: `credit-${moduleId}` } },
  );
};

export default function Account() {
  const { user, organisations, currentOrgId, credits } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const stateFor = (intent: string) => (state?.intent === intent ? state : undefined);
  return (
    <>
      <PageHeader title="Your account" lead={user.email} />
      {saved === "password" ? (
        <Notice tone="success">Your password is changed. You were logged out everywhere else.</Notice>
      ) : null}
      {saved === "profile" ? <Notice tone="success">Your name is saved.</Notice> : null}
      {saved === "credit" ? <Notice tone="success">Your credit is saved. It shows this way everywhere.</Notice> : null}

      <section className="card" aria-labelledby="orgs-title">
        <h2 id="orgs-title">Your organisations</h2>
        {organisations.length === 0 ? (
          <p>You are not part of an organisation at the moment. Ask an organisation admin for an invitation link.</p>
        ) : (
          <ul>
            {organisations.map((org) => (
              <li key={org.id}>
                <strong>{org.name}</strong>: {roleList(org.roles)}{" "}
                {org.id === currentOrgId ? (
                  <span className="badge badge-accent">Current</span>
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="orgId" value={org.id} />
                    <button type="submit" name="intent" value="switch" className="button-link">
                      Switch to {org.name}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {stateFor("switch")?.errors?.form ? <p className="error-message">{stateFor("switch")?.errors?.form}</p> : null}
      </section>

      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Your name</h2>
        <Form method="post" className="stack" noValidate>
          <ErrorSummary state={stateFor("profile")} />
          <Field
            label="Name"
            name="name"
            state={stateFor("profile")}
            defaultValue={user.name}
            required
            maxLength={100}
          />
          <div className="actions">
            <button type="submit" name="intent" value="profile">
              Save name
            </button>
          </div>
        </Form>
      </section>

      {credits.length > 0 ? (
        <section className="card" aria-labelledby="credits-title">
          <h2 id="credits-title">How you are credited</h2>
          <p>For each module you have worked on here, choose how your name appears. You can change it at any time.</p>
          {credits.map((c) => (
            <details key={c.moduleId} open={stateFor(`credit-${c.moduleId}`) !== undefined}>
              <summary>
                {c.title}:{" "}
                {c.creditMode === "anonymous"
                  ? "not named"
                  : c.creditMode === "chosen"
                    ? `as ${c.creditName}`
                    : "by your name"}
                {c.removedAt ? " (you are no longer on this module)" : ""}
              </summary>
              <CreditForm
                moduleId={c.moduleId}
                realName={user.name}
                mode={c.creditMode}
                name={c.creditName}
                state={stateFor(`credit-${c.moduleId}`)}
              />
            </details>
          ))}
        </section>
      ) : null}

      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Change your password</h2>
        <Form method="post" className="stack" noValidate>
          <ErrorSummary state={stateFor("password")} />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            state={stateFor("password")}
            required
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            state={stateFor("password")}
            required
            minLength={8}
            maxLength={200}
          />
          <Field
            label="New password again"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            state={stateFor("password")}
            required
          />
          <div className="actions">
            <button type="submit" name="intent" value="password">
              Change password
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
