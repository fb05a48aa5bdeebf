/**
 * What routes may ask of privacy: a person's own data to download and account to delete, and an
 * admin carrying out a member's request for either. Which table holds what is in registry.ts.
 */
export { downloadMemberData, eraseMember } from "./for-members";
export { deleteMyAccount, downloadMyData, myDeletionBlock } from "./own";
export { retentionSetting, setRetention } from "./retention";
export { deleteAccountSchema, memberErasureSchema, memberRequestSchema, retentionSchema } from "./schemas";
