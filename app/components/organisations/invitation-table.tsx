import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/components/layout";
import { ROLE_LABELS, type Role } from "~/lib/roles";

const STATE_LABELS = { active: "Active", expired: "Expired", used_up: "Used up", revoked: "Revoked" } as const;

type Invitation = {
  id: string;
  label: string;
  email: string | null;
  roles: Role[];
  uses: number;
  maxUses: number;
  expiresAt: string | Date;
  state: keyof typeof STATE_LABELS;
  /** The email that carried a personal invitation: an admin can copy its link from there. */
  emailId: string | null;
};

/**
 * The organisation's invitations: for whom, what they bring, how far used, the email that carried a
 * personal one (to copy its link for someone who cannot get email), and a way to revoke the active ones.
 */
export function InvitationTable({ invitations }: { invitations: Invitation[] }) {
  return invitations.length === 0 ? (
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
                {inv.emailId ? (
                  <Link to={`/organisation/email/${inv.emailId}`}>
                    Its email<span className="visually-hidden"> to {inv.email}</span>
                  </Link>
                ) : null}{" "}
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
  );
}
