import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, fieldValues } from "~/components/form";
import { MemberRequests } from "~/components/organisations/member-requests";
import { requireContext } from "~/lib/auth.server";
import { organisations, privacy } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import { ROLE_LABELS, ROLES } from "~/lib/roles";

export const meta: MetaFunction = () => [{ title: "Member · Alongside" }];

const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  admin: "Manages members, invitations and support resources.",
  facilitator: "Creates modules, runs co-design and publishes.",
  co_designer: "Writes and comments on the modules they are invited to.",
  trainer: "Builds courses, runs cohorts and follows progress.",
  learner: "Takes the courses assigned to them.",
  supervisor: "Receives the supervision pages learners choose to share with them, and nothing else of theirs.",
  lived_experience_panel: "Reads any module in the Workshop and signs it off against the rubric, for the panel.",
  safeguarding_reviewer: "Reads any module in the Workshop and signs it off against the rubric, for safeguarding.",
};

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { member: organisations.member(ctx, paramId(params, "membershipId")) };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const membershipId = paramId(params, "membershipId");
    return dispatch(request, ctx, {
      remove: intent({
        run: (ctx) => {
          organisations.removeMember(ctx, membershipId);
          return redirect("/organisation?removed=1");
        },
      }),
      roles: intent({
        schema: organisations.memberRolesSchema,
        run: (ctx, input) => {
          organisations.setMemberRoles(ctx, membershipId, input.roles);
          return redirect("/organisation");
        },
      }),
      erase: intent({
        schema: privacy.memberErasureSchema,
        run: (ctx, input) => {
          privacy.eraseMember(ctx, membershipId, input);
          return redirect("/organisation?erased=1");
        },
      }),
    });
  });

export default function Member() {
  const { member } = useLoaderData<typeof loader>();
  const { isMe } = member;
  const state = useActionData<typeof action>();
  // The requests section shows its own messages; the roles form shows only its own.
  const rolesState = state?.intent === "erase" ? undefined : state;
  const [params] = useSearchParams();
  const exportError = params.get("exportError");
  const exportState = exportError
    ? { errors: { reason: exportError }, values: { reason: params.get("reason") ?? "" } }
    : undefined;
  const chosen = fieldValues(rolesState, "roles", member.roles);
  return (
    <div className="narrow">
      <p>
        <Link to="/organisation">Back to members</Link>
      </p>
      <h2>
        {member.name} <span className="muted">({member.email})</span>
      </h2>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={rolesState} />
        <fieldset aria-describedby="roles-hint">
          <legend>Roles</legend>
          <p className="hint" id="roles-hint">
            One person can hold several roles.
          </p>
          {ROLES.map((role) => (
            <div className="checkbox" key={role}>
              <input
                type="checkbox"
                id={`role-${role}`}
                name="roles"
                value={role}
                defaultChecked={chosen.includes(role)}
                aria-describedby={`role-${role}-hint`}
              />
              <label htmlFor={`role-${role}`}>
                {ROLE_LABELS[role]}
                <span className="hint" id={`role-${role}-hint`}>
                  {" "}
                  {ROLE_HINTS[role]}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="roles">
            Save roles
          </button>
        </div>
      </Form>
      <MemberRequests
        name={member.name}
        isMe={isMe}
        exportAction={`/organisation/members/${member.membershipId}/data`}
        stateFor={(i) => (i === "export" ? exportState : state?.intent === i ? state : undefined)}
      />
      <section className="card" aria-labelledby="remove-title">
        <h3 id="remove-title">Remove from the organisation</h3>
        <p>
          {isMe ? "You will lose access to this organisation." : `${member.name} will lose access at once.`} Modules
          they helped write stay, credited as they chose.
        </p>
        <Form method="post">
          <button type="submit" name="intent" value="remove" className="button-secondary">
            Remove {isMe ? "myself" : member.name}
          </button>
        </Form>
      </section>
    </div>
  );
}
