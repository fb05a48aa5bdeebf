/**
 * Email for mentions end to end, through the real SMTP receiver: a mention arrives at once and its
 * link opens the module; after the person chooses the daily digest on their account page, the next
 * mention waits for the digest job (run against the server's database, as the server runs it every
 * hour), which gathers it into one email whose link opens the module too, and sends it only once.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { addMember, runDigestPass, tableRows } from "./support/database";
import { expect, test } from "./support/fixtures";
import { linkIn, mailTo, waitForMail } from "./support/mailbox";
import { DEMO, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";
import {
  addCollaborator,
  commentOnSelection,
  createModule,
  goToTab,
  selectWords,
  threadOf,
  typeAndSave,
  waitForEditor,
} from "./support/workshop";

test.describe.configure({ timeout: 150_000 });

async function fitsSmallScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test("a mention arrives at once, then in the daily digest once chosen, and each link opens the module", async ({
  page,
  newPage,
}) => {
  const person = addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: uniqueName("Mo"),
    roles: ["co_designer"],
  });
  const sentence = "A clear, kind no is often more caring than a yes you cannot keep.";
  await signIn(page, DEMO.facilitator);
  const module = await createModule(page);
  await typeAndSave(page, sentence);
  await addCollaborator(page, person.name, "Co-designer");
  await goToTab(page, "Write");
  await selectWords(page, sentence, "kind no");
  await commentOnSelection(page, `@${person.name} could you read this part?`);
  const thread = threadOf(page, "kind no");
  await expect(thread.getByText("could you read this part?")).toBeVisible();

  const atOnce = await waitForMail(person.email, /mentioned you/);
  expect(atOnce.subject).toBe(`Fran Mills mentioned you in a comment on ${module.title}`);
  expect(atOnce.text).toContain(`"@${person.name} could you read this part?"`);
  expect(atOnce.text).toContain(`${sharedServer.baseURL}/unsubscribe/`);
  const link = linkIn(atOnce, `${sharedServer.baseURL}/workshop/`);
  expect(link).toBe(`${sharedServer.baseURL}/workshop/${module.id}`);

  const them = await newPage();
  await them.setViewportSize({ width: 390, height: 844 });
  await signIn(them, person.email);
  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
  await waitForEditor(them);
  await checkPage(them);

  // They choose the daily digest for mentions.
  await them.goto("/account");
  await checkPage(them);
  const choices = them.getByRole("region", { name: "Email about your modules" });
  const mentions = choices.getByRole("group", { name: "Someone mentions you in a comment" });
  await expect(mentions.getByRole("radio", { name: "At once" })).toBeChecked();
  await mentions.getByRole("radio", { name: "In a daily digest" }).check();
  await choices.getByRole("button", { name: "Save email choices" }).click();
  await expect(them.getByText("Your email choices are saved.")).toBeVisible();
  await expect(mentions.getByRole("radio", { name: "In a daily digest" })).toBeChecked();
  await checkPage(them);
  await fitsSmallScreen(them);

  await thread.getByRole("textbox", { name: "Reply" }).fill(`@${person.name} one more thought on this.`);
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(thread.getByText("one more thought on this.")).toBeVisible();

  // The day's pass gathers it (the server's own hourly pass may get there first); a second sends nothing more.
  runDigestPass(sharedServer.databasePath);
  const digest = await waitForMail(person.email, /daily summary/);
  expect(digest.subject).toBe("Your daily summary from Alongside: 1 update");
  expect(digest.text).toContain(
    `Fran Mills mentioned you on ${module.title}: "@${person.name} one more thought on this."`,
  );
  expect(digest.text).toContain(`${sharedServer.baseURL}/unsubscribe/`);
  runDigestPass(sharedServer.databasePath);
  const digests = (
    tableRows(sharedServer.databasePath, "email_outbox") as { kind: string; to_address: string }[]
  ).filter((m) => m.kind === "digest" && m.to_address === person.email.toLowerCase());
  expect(digests).toHaveLength(1);
  expect(mailTo(person.email).filter((m) => /mentioned you/.test(m.subject))).toHaveLength(1);

  await them.goto(linkIn(digest, `${sharedServer.baseURL}/workshop/`));
  await expect(them).toHaveURL(new RegExp(`/workshop/${module.id}$`));
  await expect(them.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
  await waitForEditor(them);
  await checkPage(them);
});
