import { ConfigError } from "../config/load";
import type { Config } from "../config/schemas";

export type MailSettings = { smtpUrl: string; from: string; origin: string };

/**
 * Where email goes, or null when no SMTP server is configured: then messages wait in the outbox and
 * go once one is. Half a configuration stops the start: links in email need the public address.
 */
export function mailSettings(config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "APP_ORIGIN">): MailSettings | null {
  const { SMTP_URL: smtpUrl, MAIL_FROM: from, APP_ORIGIN: origin } = config;
  if (!smtpUrl) {
    if (from) throw new ConfigError("MAIL_FROM needs SMTP_URL as well (the mail server to send through)");
    return null;
  }
  if (!from) throw new ConfigError("SMTP_URL needs MAIL_FROM as well (the address email is sent from)");
  if (!origin) {
    throw new ConfigError("SMTP_URL needs APP_ORIGIN as well (the app's public address, used in links in email)");
  }
  return { smtpUrl, from, origin };
}
