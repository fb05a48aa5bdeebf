import { ROLE_LABELS, type Role } from "../../modules/auth/roles";

/** "Facilitator and Trainer": roles read as a sentence. */
export function roleList(roles: readonly Role[]): string {
  const labels = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  if (labels.length <= 1) return labels[0] ?? "a member";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

export { ROLE_LABELS, ROLES, type Role } from "../../modules/auth/roles";
