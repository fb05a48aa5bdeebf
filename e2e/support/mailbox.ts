/**
 * The mail the shared server sent. The global setup starts a real SMTP server on a loopback port
 * (modules/testing/smtp-receiver.ts), points the server's SMTP_URL at it, and writes each message it
 * receives, parsed, as one JSON line to the file named below; specs read it from there.
 */
import fs from "node:fs";
import type { ReceivedMail } from "../../modules/testing/smtp-receiver";

export const MAIL_FILE_VARIABLE = "E2E_MAIL_FILE";

export type { ReceivedMail };

export function mailFile(): string {
  const file = process.env[MAIL_FILE_VARIABLE];
  if (!file) throw new Error(`${MAIL_FILE_VARIABLE} is not set: run the tests with "npx playwright test".`);
  return file;
}

/** Every message received so far. */
export function receivedMail(file = mailFile()): ReceivedMail[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ReceivedMail);
}

/** Messages to one address (tests use unique addresses, so these are the test's own). */
export function mailTo(address: string, file = mailFile()): ReceivedMail[] {
  return receivedMail(file).filter((m) => m.to.includes(address.toLowerCase()));
}

/** Waits for a message to this address whose subject matches, and returns it. */
export async function waitForMail(
  address: string,
  subject: RegExp = /./,
  options: { timeoutMs?: number; file?: string } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const found = mailTo(address, options.file).find((m) => subject.test(m.subject));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email to ${address} with a subject like ${subject} arrived.`);
}

/** The first link in a message's plain text that starts with this address. */
export function linkIn(mail: ReceivedMail, start: string): string {
  const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}[^\\s>]*`).exec(mail.text);
  if (!match) throw new Error(`No link starting ${start} in the email "${mail.subject}":\n${mail.text}`);
  return match[0];
}
