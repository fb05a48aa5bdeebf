/**
 * The backup command, as whoever runs the service would use it: a backup taken while someone is
 * writing in the Workshop passes SQLite's integrity check, and restored (server stopped) into a new
 * place, it starts a working app that shows what was saved before the backup.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { integrityCheck } from "./support/database";
import { expect, test } from "./support/fixtures";
import { logIn } from "./support/people";
import { PROJECT_ROOT } from "./support/server";
import { createModule, documentText, openModule, PEOPLE, typeAndSave, typeAtEnd } from "./support/workshop";

const run = promisify(execFile);

/** `npm run backup` / `npm run restore`, without npm's own start-up. */
function command(name: "backup" | "restore", args: string[]) {
  return run(process.execPath, ["--import", "tsx", "modules/backup/cli.ts", name, ...args], { cwd: PROJECT_ROOT });
}

test("a backup taken while someone writes restores to a working app with everything saved before it", async ({
  newPage,
  startServer,
}) => {
  test.setTimeout(240_000);
  const server = await startServer({ label: "backup server" });
  const page = await newPage({ baseURL: server.baseURL });
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  const saved = "Written and saved before the backup began.";
  await typeAndSave(page, saved);

  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), "alongside-backup-e2e-"));
  const backup = path.join(folder, "backup.sqlite");
  // The editor keeps sending changes while the backup is taken.
  const typing = typeAtEnd(page, " And more, typed while the backup ran.".repeat(3), { newParagraph: true });
  const { stdout } = await command("backup", ["--database", server.databasePath, "--to", backup]);
  await typing;
  expect(stdout).toContain(`to ${backup}`);
  expect(integrityCheck(backup)).toBe("ok");

  // A second backup to the same name is refused, and says why.
  const again = await command("backup", ["--database", server.databasePath, "--to", backup]).catch((e) => e);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("already exists");

  await server.stop();
  const restoredPath = path.join(folder, "restored", "alongside.sqlite");
  await fs.promises.mkdir(path.dirname(restoredPath));
  const restore = await command("restore", [backup, "--database", restoredPath]);
  expect(restore.stdout).toContain(`to ${restoredPath}`);

  const restored = await startServer({ databasePath: restoredPath, label: "restored server" });
  const reader = await newPage({ baseURL: restored.baseURL });
  await logIn(reader, PEOPLE.facilitator.email);
  await openModule(reader, module);
  expect(await documentText(reader)).toContain(saved);
  await restored.stop();
  expect(integrityCheck(restoredPath)).toBe("ok");
  await fs.promises.rm(folder, { recursive: true, force: true });
});
