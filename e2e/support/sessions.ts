/**
 * Signing in without the log-in form: a real session minted with the server's own session code and
 * secret, in the server's database, and its cookie set in the browser. Only the tests about logging
 * in use the form (`logIn` in ./people); everything else starts signed in for the price of one page.
 */
import { expect, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { users } from "../../db/schema";
import { sessionCookie } from "../../modules/accounts/cookie";
import { createSession } from "../../modules/accounts/sessions";
import { checkPage } from "./accessibility";
import { sharedServer } from "./shared-server";

type Server = { baseURL: string; databasePath: string; sessionSecret(): string };

/**
 * Signs `email` in on the page's browser context and opens their start page, as logging in does. The
 * session has no organisation yet: the server chooses it on the first request, as it does after a
 * log-in, from the person's memberships.
 */
export async function signIn(page: Page, email: string, server: Server = sharedServer) {
  const db = openDatabase(server.databasePath, { migrate: false });
  let token: string;
  try {
    const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (!user) throw new Error(`No account for ${email}`);
    token = createSession(db, server.sessionSecret(), user.id, null, new Date());
  } finally {
    // Not closeDatabase(): checkpointing is the running server's business, not this second connection's.
    db.$client.close();
  }
  const cookie = await sessionCookie(false).serialize(token);
  const [pair] = cookie.split(";");
  const [name, value] = (pair ?? "").split("=");
  await page
    .context()
    .addCookies([{ name: name ?? "", value: value ?? "", url: server.baseURL, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await checkPage(page);
}
