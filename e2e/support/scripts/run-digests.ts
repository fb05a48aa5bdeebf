/**
 * Run by e2e/support/database.ts with `node --import tsx`: one pass of the daily digest job at a
 * given time, as the server runs it every hour, against the server's database. Prints how many it queued.
 */
import { openDatabase } from "../../../db/client";
import { runDigests } from "../../../modules/notifications/digest-job";

type Options = { databasePath: string; at: string };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const db = openDatabase(options.databasePath, { migrate: false });
try {
  process.stdout.write(JSON.stringify(runDigests(db, new Date(options.at))));
} finally {
  db.$client.close();
}
