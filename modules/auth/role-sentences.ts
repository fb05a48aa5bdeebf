import { ROLE_LABELS, type Role } from "./roles";

function sentence(words: string[], none: string): string {
  if (words.length <= 1) return words[0] ?? none;
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Roles as a list of their labels: "Co-designer and Learner". */
export function roleNames(roles: readonly Role[]): string {
  return sentence(
    roles.map((r) => ROLE_LABELS[r]),
    "no roles",
  );
}

/** Roles inside a sentence: "facilitator and trainer". */
export function rolesInSentence(roles: readonly Role[]): string {
  return sentence(
    roles.map((r) => ROLE_LABELS[r].toLowerCase()),
    "a member",
  );
}

// A panel is a group of people: one sits on it rather than being one.
const AS_ONE: Partial<Record<Role, string>> = { lived_experience_panel: "a member of the lived-experience panel" };

/** Roles after "as", each with its article: "as a learner", "as an organisation admin and a trainer". */
export function rolesWithArticles(roles: readonly Role[]): string {
  return sentence(
    roles.map((r) => {
      const asOne = AS_ONE[r];
      if (asOne) return asOne;
      const label = ROLE_LABELS[r].toLowerCase();
      return `${/^[aeiou]/.test(label) ? "an" : "a"} ${label}`;
    }),
    "a member",
  );
}
