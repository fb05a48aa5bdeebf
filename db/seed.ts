import { hashPassword, insertUser } from "../modules/accounts/service";
import type { Role } from "../modules/auth/roles";
import { importStarterPack } from "../modules/content/starter";
import { addMembership, createOrganisation, getOrganisationBySlug } from "../modules/organisations/service";
import type { DB } from "./client";

export const DEMO_ORG_SLUG = "northern-peer-support";
export const DEMO_PASSWORD = "peer-support-demo";

/** One account per role, all in the demo organisation. Listed in the README too. */
export const DEMO_ACCOUNTS: { role: string; name: string; email: string; roles: Role[] }[] = [
  { role: "admin", name: "Ayesha Khan", email: "admin@example.org", roles: ["admin"] },
  { role: "facilitator", name: "Fran Mills", email: "facilitator@example.org", roles: ["facilitator"] },
  { role: "co-designer", name: "Jordan Lee", email: "codesigner@example.org", roles: ["co_designer"] },
  { role: "co-designer", name: "Priya Shah", email: "codesigner2@example.org", roles: ["co_designer"] },
  { role: "trainer", name: "Sam Taylor", email: "trainer@example.org", roles: ["trainer"] },
  { role: "learner", name: "Alex Morgan", email: "learner@example.org", roles: ["learner"] },
];

/**
 * Seeds the demo organisation once. Idempotent: when the demo organisation already exists it does
 * nothing and returns null, so restarts never duplicate or overwrite anything.
 */
export async function seedDemo(db: DB, now = new Date()) {
  if (getOrganisationBySlug(db, DEMO_ORG_SLUG)) return null;
  // Every demo account shares one password, so one (slow, memory-hard) hash serves them all.
  const hash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    const [first, ...rest] = DEMO_ACCOUNTS.map((a) => ({ ...a, id: insertUser(tx, a, hash, now).id }));
    if (!first) return;
    const org = createOrganisation(tx, "Northern Peer Support Network", first.id, now, DEMO_ORG_SLUG);
    for (const account of rest) addMembership(tx, org.id, account.id, account.roles, now);
    const facilitator = rest.find((account) => account.roles.includes("facilitator"));
    if (facilitator) importStarterPack(tx, { orgId: org.id, createdBy: facilitator.id }, now);
  });
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS };
}
