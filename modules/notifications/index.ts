/**
 * What routes may ask of notifications: a person's choice, per kind, of hearing at once, in a daily
 * digest, or never. Comments and review requests tell people through `tellPeople` (tell.ts) inside
 * their own transaction; the digest is sent by the background job (digest-job.ts).
 */
export { notificationChoicesSchema } from "./schemas";
export { notificationChoices, setNotificationChoices } from "./settings";
