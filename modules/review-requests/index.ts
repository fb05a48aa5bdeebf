/**
 * What routes may ask of review requests: asking a module's collaborators to review it by a date,
 * answering "done reviewing", and who has not answered yet. Reminders as the date nears are sent by
 * the background job (reminder-job.ts).
 */

export { answerReviewRequest, moduleReviewRequests, myReviewRequests, requestReview } from "./requests";
export { answerSchema, reviewRequestSchema } from "./schemas";
