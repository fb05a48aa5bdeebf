import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, fieldValues } from "~/components/form";
import { formatDate } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled } from "~/lib/http.server";
import { idSchema } from "~/lib/ids.server";
import { createInvitation, invitationSchema, listInvitations, revokeInvitation } from "~/lib/organisations.server";
import { ROLE_LABELS, ROLES } from "~/lib/roles";

export const meta: MetaFunction = () => [{ title: "Invitations · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "organisation.manage");
    return { invitations: listInvitations(context.runtime.db, actor.orgId) };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "organisation.manage");
    const form = await readForm(request);
    const { db, config } = context.runtime;
    if (form.get("intent") === "revoke") {
      const id = idSchema.safeParse(form.get("invitationId"));
      if (!id.success) return invalid({ errors: { form: "That invitation could not be found." }, values: {} });
      try {
        revokeInvitation(db, actor, id.data);
      } catch (error) {
        return invalidFromError(error, form);
      }
      return { ok: true as const, revoked: true, link: null, personalFor: null };
    }
    const parsed = parseForm(form, invitationSchema);
    if (!parsed.ok) return invalid(parsed);
    const { token } = createInvitation(db, config.SESSION_SECRET, actor, parsed.data);
    return {
      ok: true as const,
      revoked: false,
      link: `${new URL(request.url).origin}/join/${token}`,
      personalFor: parsed.data.email,
    };
  });

const STATE_LABELS = { active: "Active", expired: "Expired", used_up: "Used up", revoked: "Revoked" } as const;

export default function Invitations() {
  const { invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result && !result.ok ? result : undefined;
  const roles = fieldValues(state, "roles", ["learner"]);
  return (
    <>
      <section className="card" aria-labelledby="new-invitation">
        <h2 id="new-invitation">Invite people</h2>
        {result?.ok && result.link ? (
          <div className="notice" role="status">
            {result.personalFor ? (
              <p>
                <strong>Your invitation link is ready.</strong> Copy it now and send it to {result.personalFor}: only an
                account with that email address can use it, once. For your security it is only shown once.
              </p>
            ) : (
              <p>
                <strong>Your invitation link is ready.</strong> Copy it now and send it to the people you are inviting:
                anyone with the link can use it. For your security it is only shown once.
              </p>
            )}
            <p className="copy-box" data-testid="invitation-link">
              {result.link}
            </p>
          </div>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <ErrorSummary state={state} />
          <Field
            label="Who is it for? (optional)"
            name="label"
            hint="For example: spring cohort, or Jordan. Only admins see this."
            state={state}
            maxLength={120}
          />
          <Field
            label="Their email (optional)"
            name="email"
            type="email"
            autoComplete="off"
            hint="For one person: only an account with this email address can use the link, once. Leave it empty for a link anyone with it can use."
            state={state}
            maxLength={254}
          />
          <fieldset>
            <legend>Roles they will have</legend>
            {state?.errors?.roles ? <p className="error-message">{state.errors.roles}</p> : null}
            {ROLES.map((role) => (
              <div className="checkbox" key={role}>
                <input
                  type="checkbox"
                  id={`invite-role-${role}`}
                  name="roles"
                  value={role}
                  defaultChecked={roles.includes(role)}
                />
                <label htmlFor={`invite-role-${role}`}>{ROLE_LABELS[role]}</label>
              </div>
            ))}
          </fieldset>
          <Field
            label="Expires after (days)"
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            defaultValue="14"
            state={state}
          />
          <Field
            label="How many people can use it"
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            defaultValue="1"
            hint="For a link anyone can use. A link for one person is used once."
            state={state}
          />
          <div className="actions">
            <button type="submit" name="intent" value="create">
              Create invitation link
            </button>
          </div>
        </Form>
      </section>

      <h2>Invitations</h2>
      {invitations.length === 0 ? (
        <p>No invitations yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Who can use it</th>
                <th scope="col">Roles</th>
                <th scope="col">Used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((inv) => (
                <tr key={inv.id}>
                  <td>{inv.label || <span className="muted">Not named</span>}</td>
                  <td>{inv.email ? `Only ${inv.email}` : "Anyone with the link"}</td>
                  <td>{inv.roles.map((r) => ROLE_LABELS[r]).join(", ")}</td>
                  <td>
                    {inv.uses} of {inv.maxUses}
                  </td>
                  <td>{formatDate(inv.expiresAt)}</td>
                  <td>{STATE_LABELS[inv.state]}</td>
                  <td>
                    {inv.state === "active" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="invitationId" value={inv.id} />
                        <button type="submit" name="intent" value="revoke" className="button-quiet">
                          Revoke<span className="visually-hidden"> invitation {inv.label}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
