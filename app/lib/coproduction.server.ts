export { moduleActivity } from "../../modules/activity/service";
export { hideSchema, newThreadSchema, replySchema, threadActionSchema } from "../../modules/comments/schemas";
export {
  hideComment,
  listThreads,
  markRead,
  reply,
  setResolved,
  startThread,
  unreadCount,
} from "../../modules/comments/service";
export { creditChoiceSchema } from "../../modules/credits/schemas";
export {
  creditedName,
  creditLine,
  creditSummary,
  listContributions,
  myCredits,
  setCreditChoice,
} from "../../modules/credits/service";
export { compareDocs, type DiffField, type DiffPart } from "../../modules/history/diff";
export { snapshotNameSchema } from "../../modules/history/schemas";
export { getSnapshot, listSnapshots, restoreSnapshot, takeSnapshot } from "../../modules/history/service";
export { checklistHints, SAFETY_CHECKS } from "../../modules/review/checklist";
export { requestChangesSchema, signOffSchema } from "../../modules/review/schemas";
export {
  requestChanges,
  returnToDraft,
  reviewState,
  signOff,
  startReview,
} from "../../modules/review/service";
