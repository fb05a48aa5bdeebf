/** What routes may ask of comments: a module's threads, and starting, answering and moderating them. */
export {
  hideSchema,
  newThreadSchema,
  replySchema,
  settleSuggestionSchema,
  suggestionReplySchema,
  threadActionSchema,
} from "./schemas";
export { hideComment, markRead, moduleThreads, reply, setResolved, startThread } from "./service";
export { replyToSuggestion, settleSuggestionThread } from "./suggestion-threads";
