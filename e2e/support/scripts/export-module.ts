/**
 * Run by e2e/support/database.ts with `node --import tsx`: prints a module as the content file the
 * app's own `exportModule` makes from what the server stored. Reads its options as JSON from argv[2].
 */
import { openDatabase } from "../../../db/client";
import { exportModule } from "../../../modules/content/service";

const options = JSON.parse(process.argv[2] ?? "{}") as { databasePath: string; moduleId: string };
const db = openDatabase(options.databasePath, { migrate: false });
try {
  process.stdout.write(exportModule(db, options.moduleId));
} finally {
  // Not closeDatabase(): checkpointing is the running server's business, not this second connection's.
  db.$client.close();
}
