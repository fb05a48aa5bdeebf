/** What routes may ask of review: where it stands, starting and ending it, and each person's sign-off. */
export { requestChangesSchema, signOffSchema } from "./schemas";
export { moduleStatus, requestChanges, returnToDraft, reviewPage, signOff, startReview } from "./service";
