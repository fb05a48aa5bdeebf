/**
 * Run by e2e/support/database.ts with `node --import tsx`: one pass of the due-date reminder job, as
 * the server runs it every hour, against the server's database. Prints how many of each it queued.
 */
import { openDatabase } from "../../../db/client";
import { runReminders } from "../../../modules/reminders/reminder-job";

type Options = { databasePath: string };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const db = openDatabase(options.databasePath, { migrate: false });
try {
  process.stdout.write(JSON.stringify(runReminders(db, new Date())));
} finally {
  db.$client.close();
}
