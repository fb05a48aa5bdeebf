import type { DB } from "../../db/client";
import { insertUser } from "../accounts/service";
import type { Actor } from "../auth/policy";
import type { Role } from "../auth/roles";
import { actorFor, addMembership, createOrganisation } from "../organisations/service";

let counter = 0;
/** A fixed hash for fixture users; tests that check passwords hash their own. */
const FIXTURE_HASH = "scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export function makeUser(db: DB, name = "Test Person") {
  counter += 1;
  return insertUser(db, { name, email: `person${counter}-${Date.now()}@example.org` }, FIXTURE_HASH, new Date());
}

/** An organisation with an admin, plus an actor for each extra role asked for. */
export function makeOrganisation(db: DB, name = "Test Peer Service") {
  const admin = makeUser(db, "Admin Person");
  const org = createOrganisation(db, name, admin.id, new Date());
  const actor = (userId: string) => actorFor(db, org.id, userId) as Actor;
  const member = (roles: Role[], personName = "Member Person") => {
    const user = makeUser(db, personName);
    addMembership(db, org.id, user.id, roles, new Date());
    return { user, actor: actor(user.id) };
  };
  return { org, admin: { user: admin, actor: actor(admin.id) }, member };
}
