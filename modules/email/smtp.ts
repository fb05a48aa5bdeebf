import nodemailer from "nodemailer";
import type { MailSettings } from "./settings";

export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
};

export type Transport = { send: (mail: OutgoingMail) => Promise<void>; close: () => void };

/**
 * Delivery through nodemailer to the configured SMTP server. Each message carries its outbox id in
 * its Message-ID, so a copy sent twice (the server took it, then the process died before marking it
 * sent) can be recognised as the same message. A message a person may turn off carries the RFC 8058
 * one-click unsubscribe headers.
 */
export function smtpTransport(settings: MailSettings): Transport {
  const transporter = nodemailer.createTransport(settings.smtpUrl, { from: settings.from });
  const host = new URL(settings.origin).hostname;
  return {
    send: async (mail) => {
      await transporter.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@${host}>`,
        headers: mail.unsubscribeUrl
          ? { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : {},
      });
    },
    close: () => transporter.close(),
  };
}
