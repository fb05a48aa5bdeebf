import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { inTransaction, type Visit } from "../auth/context";
import { ForbiddenError } from "../shared/errors";
import { effectiveChoices, saveChoices } from "./choices";
import { CHOICE_LABELS, KINDS, NOTIFICATION_CHOICES, NOTIFICATION_KINDS, type NotificationChoice } from "./kinds";

/** Email choices are the person's own, across every organisation they belong to. */
function signedInPerson(visit: Visit) {
  if (!visit.userId) throw new ForbiddenError("Log in to see your account.");
  const person = visit.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, visit.userId))
    .get();
  if (!person) throw new ForbiddenError("Log in to see your account.");
  return person;
}

/** The person's choice for each kind, with the words the account page shows. */
export function notificationChoices(visit: Visit) {
  const chosen = effectiveChoices(visit.db, signedInPerson(visit));
  return {
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: KINDS[kind].label, choice: chosen[kind] })),
    options: NOTIFICATION_CHOICES.map((value) => ({ value, label: CHOICE_LABELS[value] })),
  };
}

export function setNotificationChoices(
  visit: Visit,
  input: { mention: NotificationChoice; reply: NotificationChoice; review_request: NotificationChoice },
) {
  const person = signedInPerson(visit);
  inTransaction(visit, (tx) => saveChoices(tx.db, person, input, tx.now));
}
