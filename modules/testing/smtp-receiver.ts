import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as the receiving server saw it, parsed by mailparser. */
export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
};

export type SmtpReceiver = {
  port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first message (already here or still to come) that matches. */
  waitFor: (match: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  stop: () => Promise<void>;
};

/**
 * A real SMTP server on a loopback port, for tests: it accepts every message (no TLS, no log-in, as
 * a local relay would) and keeps each one parsed. `onMessage` is told of each as it arrives.
 */
export async function startSmtpReceiver(
  options: { port?: number; onMessage?: (mail: ReceivedMail) => void } = {},
): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) {
            const colon = line.line.indexOf(":");
            headers[line.key] = line.line.slice(colon + 1).trim();
          }
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ""),
          );
          const mail: ReceivedMail = {
            to,
            from: parsed.from?.value[0]?.address ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers,
            messageId: parsed.messageId ?? "",
          };
          received.push(mail);
          options.onMessage?.(mail);
          for (const wake of waiting) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return false;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`No matching email arrived within ${timeoutMs} ms (${received.length} arrived).`));
        }, timeoutMs);
        if (!check()) waiting.add(check);
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
