/** What routes may ask of locks: the parts locked now, their history, and locking and unlocking a part. */
export { lockSchema, REASON_MAX, unlockSchema } from "./schemas";
export { lockHistory, lockPart, moduleLocks, unlockPart } from "./service";
