/**
 * For states a person cannot reach through the UI within a test (an invitation that expired days ago):
 * the app's own module functions, run against the server's database file while the server keeps
 * running (SQLite in WAL mode lets this second connection write alongside it).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Role } from "../../modules/auth/roles";
import { PROJECT_ROOT } from "./server";

const SCRIPT = path.join(PROJECT_ROOT, "e2e", "support", "scripts", "create-invitation-in-the-past.ts");

/**
 * Creates an invitation as if the admin had made it `daysAgo` days ago, lasting `expiresInDays`: with
 * the defaults it expired yesterday. Returns the token for the `/join/<token>` link.
 */
export function createInvitationInThePast(options: {
  databasePath: string;
  sessionSecret: string;
  adminEmail: string;
  roles: Role[];
  daysAgo?: number;
  expiresInDays?: number;
}): string {
  const input = JSON.stringify({ daysAgo: 2, expiresInDays: 1, ...options });
  const token = execFileSync(process.execPath, ["--import", "tsx", SCRIPT, input], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  }).trim();
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) throw new Error(`Unexpected invitation token: ${token}`);
  return token;
}
