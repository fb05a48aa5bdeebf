/** What routes may ask of live workshop sessions: the one running, starting, breaks, ending, and summaries. */
export { SESSION_MAX_MINUTES } from "./agenda";
export { BREAK_MAX_MINUTES, breakSchema, startSessionSchema } from "./schemas";
export {
  endSession,
  liveSession,
  pastSessions,
  resumeSession,
  sessionSummary,
  startSession,
  takeBreak,
} from "./service";
