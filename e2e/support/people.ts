/**
 * What people do in the app, done the way they do it: through the real forms, by label and role.
 * Each helper checks (with `checkPage`) every page it lands on.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { checkPage } from "./accessibility";

/**
 * The demo accounts modules/demo/seed.ts creates, as the README lists them (all share DEMO_PASSWORD). They are
 * written out here rather than imported: the seed's imports reach a JSON file that Playwright's module
 * loader cannot import. Never change their passwords or roles in a test: other tests use them at the
 * same time.
 */
export const DEMO_PASSWORD = "peer-support-demo";
export const DEMO = {
  admin: "admin@example.org",
  facilitator: "facilitator@example.org",
  coDesigner: "codesigner@example.org",
  trainer: "trainer@example.org",
  learner: "learner@example.org",
  organisation: "Northern Peer Support Network",
};

/** Tests run in parallel against one database: every account a test creates needs its own email. */
export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}@example.org`;
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${randomBytes(3).toString("hex")}`;
}

/** A password of the right length that no other test uses. */
export function newPassword(): string {
  return `calm harbour ${randomBytes(4).toString("hex")}`;
}

/** Fills and sends the log-in form; stays on whatever page the server answers with. */
export async function submitLogIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Logs in through the form at /login and waits for the start page the server chose. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await checkPage(page);
  await submitLogIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await checkPage(page);
}

/** Logs out with the button in the header. */
export async function logOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await checkPage(page);
}

export type NewAdmin = { name: string; email: string; password: string; organisationName: string };

export const SIGNED_UP =
  "Thank you. Now log in with your email and password to open your organisation. If that email already had an account, no new organisation was set up: log in with the password you already have.";

/**
 * Signs up through /signup, creating a new organisation, then logs in as sign-up asks (it never says
 * whether the email was new, so it cannot log anyone in by itself); returns what was typed.
 */
export async function signUpOrganisation(page: Page, input: Partial<NewAdmin> = {}): Promise<NewAdmin> {
  const admin: NewAdmin = {
    name: input.name ?? uniqueName("Robin"),
    email: input.email ?? uniqueEmail("admin"),
    password: input.password ?? newPassword(),
    organisationName: input.organisationName ?? uniqueName("Riverside Peer Support"),
  };
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1, name: "Set up your organisation" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email", { exact: true }).fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Organisation name").fill(admin.organisationName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/login\?signedUp=1$/);
  await expect(page.getByRole("status")).toHaveText(SIGNED_UP);
  await checkPage(page);
  await submitLogIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/organisation\?welcome=1$/);
  await expect(page.getByRole("heading", { level: 1, name: admin.organisationName })).toBeVisible();
  await checkPage(page);
  return admin;
}

export type RoleLabel = "Organisation admin" | "Facilitator" | "Co-designer" | "Trainer" | "Learner";

/**
 * As an admin: opens Organisation → Invitations, creates a link for these roles (for one person, with
 * `email`) and returns the link, which the page shows only once.
 */
export async function createInvitationLink(
  page: Page,
  options: { roles: RoleLabel[]; label?: string; maxUses?: number; email?: string },
): Promise<string> {
  if (!new URL(page.url()).pathname.startsWith("/organisation")) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
    await expect(page).toHaveURL(/\/organisation$/);
    await checkPage(page);
  }
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Invitations" }).click();
  await expect(page).toHaveURL(/\/organisation\/invitations$/);
  await expect(page.getByRole("heading", { level: 2, name: "Invite people" })).toBeVisible();
  await checkPage(page);
  const form = page.getByRole("main");
  if (options.label) await form.getByLabel("Who is it for?").fill(options.label);
  if (options.email) await form.getByLabel("Their email (optional)").fill(options.email);
  const roles = form.getByRole("group", { name: "Roles they will have" });
  for (const role of ["Organisation admin", "Facilitator", "Co-designer", "Trainer", "Learner"] as const) {
    await roles.getByRole("checkbox", { name: role, exact: true }).setChecked(options.roles.includes(role));
  }
  if (options.maxUses !== undefined) await form.getByLabel("How many people can use it").fill(String(options.maxUses));
  await form.getByRole("button", { name: "Create invitation link" }).click();
  const ready = page.getByRole("status").filter({ hasText: /Your invitation (link is ready|is on its way)/ });
  await expect(ready).toBeVisible();
  await checkPage(page);
  const link = (await ready.getByText(/\/join\//).textContent())?.trim() ?? "";
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[A-Za-z0-9_-]{20,}$/);
  return link;
}
