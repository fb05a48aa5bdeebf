import { Form } from "@remix-run/react";
import { type Role, roleList } from "~/lib/roles";

type Organisation = { id: string; name: string; roles: Role[] };

/** The organisations a person belongs to, each with their roles there, and a way to switch. */
export function YourOrganisations({
  organisations,
  currentOrgId,
  error,
}: {
  organisations: Organisation[];
  currentOrgId: string | null;
  error?: string;
}) {
  return (
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
      {error ? <p className="error-message">{error}</p> : null}
    </section>
  );
}
