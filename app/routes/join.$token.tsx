import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, redirectDocument } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { AboutTheCohort } from "~/components/joining/about-the-cohort";
import { enterOrganisation, getSession, startSession, visitContext } from "~/lib/auth.server";
import { joining } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import { rolesWithArticles } from "~/lib/roles";

export const meta: MetaFunction = () => [{ title: "Join an organisation · Alongside" }];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    const page = joining.invitationPage(visit, context.runtime.config.SESSION_SECRET, params.token ?? "");
    const session = await getSession(request, context);
    if (!page.ok) return data({ ok: false as const, message: page.message, signedInAs: null }, { status: 410 });
    return { ...page, signedInAs: session ? session.user.name : null };
  });

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  handled(async () => {
    const token = params.token ?? "";
    const secret = context.runtime.config.SESSION_SECRET;
    const visit = await visitContext(request, context);
    return dispatch(request, visit, {
      accept: intent({
        run: async (visit) => {
          if (!visit.userId) throw redirect(`/login?next=${encodeURIComponent(`/join/${token}`)}`);
          const { orgId } = joining.acceptInvitation(visit, secret, token);
          await enterOrganisation(request, context, orgId);
          return redirectDocument("/?joined=1");
        },
      }),
      signup: intent({
        schema: joining.joinNewAccountSchema,
        run: async (visit, input) => {
          const joined = await joining.signUpWithInvitation(visit, secret, token, input);
          const cookie = await startSession(request, context, joined.user.id, joined.invitation.orgId);
          return redirectDocument("/?joined=1", { headers: { "Set-Cookie": cookie } });
        },
      }),
    });
  });

const LABELS = { name: "Your name", email: "Email", password: "Password", invitation: "Invitation" };

export default function Join() {
  const invitation = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const { pathname } = useLocation();
  if (!invitation.ok) {
    return (
      <div className="narrow">
        <h1>This invitation cannot be used</h1>
        <p>{invitation.message}</p>
        <p>
          Already part of an organisation? <Link to="/login">Log in</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Join {invitation.orgName}</h1>
      <p className="lead">You have been invited to join as {rolesWithArticles(invitation.roles)}.</p>
      {invitation.cohort ? <AboutTheCohort cohort={invitation.cohort} /> : null}
      {invitation.personal && !invitation.signedInAs ? (
        <p>This invitation is for one person: use the email address it was sent to.</p>
      ) : null}
      {invitation.signedInAs && !invitation.forThisAccount ? (
        <Form method="post" action="/logout" className="stack">
          <p>
            You are logged in as {invitation.signedInAs}. This invitation was made for one person, and sent to a
            different email address from yours, so it cannot be used with this account.
          </p>
          <p>
            If it was sent to you at another address, log out and open the link again. If not, ask the person who sent
            it for a link of your own.
          </p>
          <div className="actions">
            <button type="submit" className="button-secondary">
              Log out
            </button>
          </div>
        </Form>
      ) : invitation.signedInAs ? (
        <Form method="post" className="stack">
          <ErrorSummary state={state} labels={LABELS} />
          <p>You are logged in as {invitation.signedInAs}.</p>
          <div className="actions">
            <button type="submit" name="intent" value="accept">
              Join {invitation.orgName}
            </button>
          </div>
        </Form>
      ) : (
        <>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={state} labels={LABELS} />
            <Field label={LABELS.name} name="name" autoComplete="name" state={state} required maxLength={100} />
            <Field label={LABELS.email} name="email" type="email" autoComplete="email" state={state} required />
            <Field
              label={LABELS.password}
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 8 characters."
              state={state}
              required
              minLength={8}
              maxLength={200}
            />
            <div className="actions">
              <button type="submit" name="intent" value="signup">
                Create account and join
              </button>
            </div>
          </Form>
          <p>
            Already have an account? <Link to={`/login?next=${encodeURIComponent(pathname)}`}>Log in to join</Link>.
          </p>
        </>
      )}
    </div>
  );
}
