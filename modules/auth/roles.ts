export const ROLES = [
  "admin",
  "facilitator",
  "co_designer",
  "trainer",
  "learner",
  "supervisor",
  "lived_experience_panel",
  "safeguarding_reviewer",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Organisation admin",
  facilitator: "Facilitator",
  co_designer: "Co-designer",
  trainer: "Trainer",
  learner: "Learner",
  supervisor: "Supervisor",
  lived_experience_panel: "Lived-experience panel",
  safeguarding_reviewer: "Safeguarding reviewer",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
