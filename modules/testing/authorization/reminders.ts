import * as api from "../../reminders/index";
import type { CasesFor } from "./cases";

/** How early learners are reminded of due dates is an organisation setting: its admins' alone. */
export const cases: CasesFor<typeof api> = {
  reminderSetting: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.reminderSetting(ctx) },
  setReminderDays: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.setReminderDays(ctx, { days: 5 }) },
};
