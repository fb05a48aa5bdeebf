/**
 * Run by e2e/support/database.ts with `node --import tsx`: one pass of the daily digest job now, as
 * the server runs it every hour, against the server's database, from any hour of the day (a test
 * cannot wait for the morning). Prints how many it queued.
 */
import { openDatabase } from "../../../db/client";
import { runDigests } from "../../../modules/notifications/digest-job";

type Options = { databasePath: string };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const db = openDatabase(options.databasePath, { migrate: false });
try {
  process.stdout.write(JSON.stringify(runDigests(db, new Date(), { fromHour: 0 })));
} finally {
  db.$client.close();
}
