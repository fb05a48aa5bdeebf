/**
 * Starts the server most tests share: the built app on a free port, with a fresh temporary database
 * seeded with the demo organisation. Workers find it through the environment variables below; the
 * function returned here is the global teardown (SIGTERM, then the temporary folder is removed).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSmtpReceiver } from "../modules/testing/smtp-receiver";
import { MAIL_FILE_VARIABLE } from "./support/mailbox";
import { freePort, startServer } from "./support/server";
import { BASE_URL_VARIABLE, DATABASE_PATH_VARIABLE } from "./support/shared-server";

export default async function globalSetup() {
  // The mail the server sends arrives at a real SMTP server here and is kept, one JSON line each, for specs to read.
  const mailFolder = await fs.promises.mkdtemp(path.join(os.tmpdir(), "alongside-e2e-mail-"));
  const mailFile = path.join(mailFolder, "received.jsonl");
  const receiver = await startSmtpReceiver({
    onMessage: (mail) => fs.appendFileSync(mailFile, `${JSON.stringify(mail)}\n`),
  });
  const port = await freePort();
  const server = await startServer({
    label: "shared server",
    port,
    env: {
      // Every test signs up from 127.0.0.1: the per-address limit on sign-ups would stop the suite.
      SIGNUPS_PER_HOUR: "100000",
      SMTP_URL: receiver.url,
      MAIL_FROM: "Alongside <alongside@example.org>",
      APP_ORIGIN: `http://127.0.0.1:${port}`,
    },
  });
  process.env[BASE_URL_VARIABLE] = server.baseURL;
  process.env[DATABASE_PATH_VARIABLE] = server.databasePath;
  process.env[MAIL_FILE_VARIABLE] = mailFile;
  return async () => {
    const status = await server.stop("SIGTERM");
    await server.remove();
    await receiver.stop();
    await fs.promises.rm(mailFolder, { recursive: true, force: true });
    if (status.code !== 0) {
      throw new Error(
        `The shared server did not shut down cleanly on SIGTERM (exit code ${status.code}, signal ${status.signal}). It printed:\n${server.output()}`,
      );
    }
  };
}
