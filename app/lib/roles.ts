export { rolesInSentence as roleList, rolesWithArticles } from "../../modules/auth/role-sentences";
export { ROLE_LABELS, ROLES, type Role } from "../../modules/auth/roles";
