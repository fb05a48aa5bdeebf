import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, redirectDocument } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { getSession, startSession } from "~/lib/auth.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import {
  acceptInvitation,
  invitationIsFor,
  joinNewAccountSchema,
  lookUpInvitation,
  setSessionOrg,
  signUpWithInvitation,
} from "~/lib/organisations.server";
import { rolesWithArticles } from "~/lib/roles";

export const meta: MetaFunction = () => [{ title: "Join an organisation · Alongside" }];

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function findInvitation(token: string | undefined, context: LoaderFunctionArgs["context"]) {
  if (!token || !TOKEN.test(token)) {
    return { ok: false as const, message: "This invitation link is not valid. Check that you copied all of it." };
  }
  return lookUpInvitation(context.runtime.db, context.runtime.config.SESSION_SECRET, token);
}

export const loader = async ({ request, params, context }: LoaderFunctionArgs) => {
  const found = findInvitation(params.token, context);
  const session = await getSession(request, context);
  if (!found.ok) return data({ ok: false as const, message: found.message, signedInAs: null }, { status: 410 });
  // Whether it is personal, never for whom: whoever holds the link may not be that person.
  return {
    ok: true as const,
    orgName: found.invitation.orgName,
    roles: found.invitation.roles,
    personal: found.invitation.email !== null,
    signedInAs: session ? session.user.name : null,
    forThisAccount: session ? invitationIsFor(found.invitation, session.user.email) : null,
  };
};

export const action = async ({ request, params, context }: ActionFunctionArgs) => {
  const form = await readForm(request);
  const token = String(params.token ?? "");
  const { db, config } = context.runtime;
  const found = findInvitation(token, context);
  if (!found.ok) return invalid({ errors: { form: found.message }, values: {} });
  const session = await getSession(request, context);
  if (form.get("intent") === "accept") {
    if (!session) throw redirect(`/login?next=${encodeURIComponent(`/join/${token}`)}`);
    try {
      const invitation = acceptInvitation(db, config.SESSION_SECRET, token, session.user.id);
      setSessionOrg(db, session.id, invitation.orgId);
    } catch (error) {
      return invalidFromError(error, form);
    }
    throw redirectDocument("/?joined=1");
  }
  const parsed = parseForm(form, joinNewAccountSchema);
  if (!parsed.ok) return invalid(parsed);
  let joined: Awaited<ReturnType<typeof signUpWithInvitation>>;
  try {
    joined = await signUpWithInvitation(db, config.SESSION_SECRET, token, parsed.data);
  } catch (error) {
    return invalidFromError(error, form);
  }
  const cookie = await startSession(request, context, joined.user.id, joined.invitation.orgId);
  throw redirectDocument("/?joined=1", { headers: { "Set-Cookie": cookie } });
};

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
