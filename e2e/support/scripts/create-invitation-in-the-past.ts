/**
 * Run by e2e/support/database.ts with `node --import tsx` (the app's modules import JSON the way tsx
 * allows and Playwright's loader does not). Reads its options as JSON from argv[2] and prints the
 * invitation token.
 */
import { openDatabase } from "../../../db/client";
import { findUserByEmail } from "../../../modules/accounts/service";
import { isRole } from "../../../modules/auth/roles";
import { createInvitation } from "../../../modules/organisations/invitations";
import { actorFor, organisationsOf } from "../../../modules/organisations/service";

const DAY_MS = 24 * 60 * 60 * 1000;

type Options = {
  databasePath: string;
  sessionSecret: string;
  adminEmail: string;
  roles: string[];
  daysAgo: number;
  expiresInDays: number;
};

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const db = openDatabase(options.databasePath, { migrate: false });
try {
  const user = findUserByEmail(db, options.adminEmail);
  if (!user) throw new Error(`No account for ${options.adminEmail}`);
  const org = organisationsOf(db, user.id).find((o) => o.roles.includes("admin"));
  const actor = org ? actorFor(db, org.id, user.id) : null;
  if (!actor) throw new Error(`${options.adminEmail} is not an admin of any organisation`);
  const { token } = createInvitation(
    db,
    options.sessionSecret,
    actor,
    {
      label: "Made in the past by a test",
      roles: options.roles.filter(isRole),
      expiresInDays: options.expiresInDays,
      maxUses: 1,
    },
    new Date(Date.now() - options.daysAgo * DAY_MS),
  );
  process.stdout.write(token);
} finally {
  // Not closeDatabase(): checkpointing is the running server's business, not this second connection's.
  db.$client.close();
}
