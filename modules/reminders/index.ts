/**
 * What routes may ask of reminders: the organisation's setting for how early learners are reminded of
 * a due date. The reminders themselves are sent by the background job (reminder-job.ts).
 */
export { reminderDaysSchema } from "./schemas";
export { reminderSetting, setReminderDays } from "./settings";
