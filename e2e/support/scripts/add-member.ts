/**
 * Run by e2e/support/database.ts with `node --import tsx`: a new member of the demo organisation
 * with the roles asked for, as an admin's invitation would make one. Prints their email and
 * membership id as JSON.
 */
import { openDatabase } from "../../../db/client";
import { findUserByEmail, hashPassword, insertUser } from "../../../modules/accounts/service";
import { isRole } from "../../../modules/auth/roles";
import { actorFor, addMembership, organisationsOf } from "../../../modules/organisations/service";

type Options = { databasePath: string; adminEmail: string; name: string; roles: string[] };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const db = openDatabase(options.databasePath, { migrate: false });
try {
  const admin = findUserByEmail(db, options.adminEmail);
  const org = admin ? organisationsOf(db, admin.id).find((o) => o.roles.includes("admin")) : undefined;
  if (!org) throw new Error(`${options.adminEmail} is not an admin of any organisation`);
  const now = new Date();
  const email = `${options.name.toLowerCase().replace(/\W+/g, ".")}.${now.getTime()}@example.org`;
  const user = insertUser(db, { name: options.name, email }, await hashPassword(`${email} unused`), now);
  addMembership(db, org.id, user.id, options.roles.filter(isRole), now);
  const actor = actorFor(db, org.id, user.id);
  if (!actor) throw new Error("membership missing");
  process.stdout.write(JSON.stringify({ email, name: options.name, membershipId: actor.membershipId }));
} finally {
  db.$client.close();
}
