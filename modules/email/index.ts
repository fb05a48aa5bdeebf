/**
 * What routes may ask of email: an organisation's outgoing email for its admins, and unsubscribing
 * by link. Other features queue messages with `queueEmail` (outbox.ts) inside their own transaction.
 */
export { outgoingEmail, outgoingMessage } from "./outgoing";
export { unsubscribe, unsubscribePage } from "./unsubscribe";
