import { Form } from "@remix-run/react";
import { ErrorSummary, type FormState } from "../form";
import { formatDateTime } from "../layout";

export const ROLE_NAMES = { facilitator: "Facilitator", co_designer: "Co-designer", reviewer: "Reviewer" } as const;

type Collaborator = { userId: string; name: string; role: keyof typeof ROLE_NAMES; addedAt: string | Date };

/** Who is on the module, with each one's role; facilitators change roles and take people off here. */
export function CollaboratorList({
  collaborators,
  me,
  canFacilitate,
  state,
}: {
  collaborators: Collaborator[];
  me: string;
  canFacilitate: boolean;
  state: FormState;
}) {
  return (
    <>
      <ErrorSummary state={state} />
      <ul className="plain-list collaborator-list">
        {collaborators.map((c) => (
          <li key={c.userId}>
            <strong>{c.name}</strong>
            {c.userId === me ? <span className="muted"> (you)</span> : null} · {ROLE_NAMES[c.role]}
            <span className="muted"> · since {formatDateTime(c.addedAt)}</span>
            {canFacilitate ? (
              <div className="actions">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={c.userId} />
                  <label className="visually-hidden" htmlFor={`role-${c.userId}`}>
                    Role for {c.name}
                  </label>
                  <select id={`role-${c.userId}`} name="role" defaultValue={c.role}>
                    {Object.entries(ROLE_NAMES).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>{" "}
                  <button type="submit" name="intent" value="role" className="button-quiet">
                    Change role<span className="visually-hidden"> for {c.name}</span>
                  </button>
                </Form>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={c.userId} />
                  <button type="submit" name="intent" value="remove" className="button-quiet">
                    Remove<span className="visually-hidden"> {c.name} from this module</span>
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
