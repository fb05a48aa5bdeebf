import type { DB } from "../../db/client";
import { profileRows } from "../accounts/personal-data";
import { organisationsOnlyAdministeredBy } from "../organisations/personal-data";
import { InvalidError } from "../shared/errors";
import { isErased } from "./records";
import { type ErasureChoices, REGISTRY } from "./registry";

/** Refuses to leave an organisation with no admin: someone else must be made admin first. */
export function assertNotLastAdmin(db: DB, userId: string, options: { field?: string; who?: "You" | "They" } = {}) {
  const alone = organisationsOnlyAdministeredBy(db, userId);
  if (alone.length === 0) return;
  const who = options.who ?? "You";
  throw new InvalidError(
    `${who} are the only admin of ${alone.join(" and ")}. Make someone else an admin there first (on the Organisation page, under Members), then the account can be deleted.`,
    options.field,
  );
}

/**
 * Works through the registry in order, each table by the functions of the feature that owns it.
 * Call inside a transaction. An account erased before is left alone: the answer is false.
 */
export function erasePerson(
  db: DB,
  userId: string,
  choices: ErasureChoices,
  now: Date,
  who: "You" | "They" = "You",
): boolean {
  if (isErased(db, userId)) return false;
  const profile = profileRows(db, userId)[0];
  if (!profile) return false;
  assertNotLastAdmin(db, userId, { who });
  const person = { id: profile.id, email: profile.email, name: profile.name };
  for (const entry of REGISTRY) {
    if (entry.holds === "personal") entry.erase?.(db, person, choices, now);
  }
  return true;
}
