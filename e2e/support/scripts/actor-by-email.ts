import type { DB } from "../../../db/client";
import { findUserByEmail } from "../../../modules/accounts/service";
import { actorFor, organisationsOf } from "../../../modules/organisations/service";

/** A demo person, by email, acting in their first organisation: as the app builds one from a session. */
export function actorByEmail(db: DB, email: string) {
  const user = findUserByEmail(db, email);
  const org = user ? organisationsOf(db, user.id)[0] : undefined;
  const actor = user && org ? actorFor(db, org.id, user.id) : null;
  if (!actor) throw new Error(`${email} is not a member of any organisation`);
  return actor;
}
