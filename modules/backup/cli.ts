/**
 * An online backup of the database, and its restore.
 *
 *   npm run backup -- [--to file] [--database path]
 *   npm run restore -- <backup file> [--database path]
 *
 * A backup may be taken while the server runs. A restore needs the server stopped; the database it
 * replaces is kept beside it.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { configSchema } from "../config/schemas";
import { BackupError, backupDatabase, restoreDatabase } from "./copy";

const USAGE = `Usage:
  npm run backup -- [--to file] [--database path]
  npm run restore -- <backup file> [--database path]`;

function databaseFrom(option: string | undefined) {
  return option ?? configSchema.shape.DATABASE_PATH.parse(process.env.DATABASE_PATH || undefined);
}

/** backups/alongside-2026-12-01T14-05-00Z.sqlite, beside the database. */
function defaultDestination(databasePath: string, now: Date) {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(path.dirname(path.resolve(databasePath)), "backups", `alongside-${stamp}.sqlite`);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { to: { type: "string" }, database: { type: "string" } },
  });
  const databasePath = databaseFrom(values.database);
  if (command === "backup" && positionals.length === 0) {
    const made = await backupDatabase(databasePath, values.to ?? defaultDestination(databasePath, new Date()));
    console.log(`Backed up ${databasePath} to ${made.destination} (${made.bytes} bytes, ${made.milliseconds} ms).`);
    return;
  }
  if (command === "restore" && positionals.length === 1 && !values.to) {
    const done = restoreDatabase(positionals[0] ?? "", databasePath);
    console.log(`Restored ${positionals[0]} to ${done.databasePath}.`);
    if (done.keptAs) console.log(`The database it replaced is kept at ${done.keptAs}.`);
    return;
  }
  throw new BackupError(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
});
