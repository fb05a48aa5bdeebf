/** What routes may ask of organisations. */
export { memberRolesSchema } from "./schemas";
export { removeMember, setMemberRoles } from "./service";
export { supportForLearners } from "./support";
