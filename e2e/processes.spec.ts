import { randomBytes } from "node:crypto";
import { startRedis } from "../modules/testing/redis";
import { checkPage } from "./support/accessibility";
import { integrityCheck } from "./support/database";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  createModule,
  documentText,
  editorOf,
  openModule,
  PEOPLE,
  typeAndSave,
} from "./support/workshop";

/**
 * Two server processes on one database, joined through a real Redis (ADR 21): the first step beyond
 * one process. Each browser is on its own process, so every change one sees from the other crossed
 * between them.
 */
test("two people on two processes edit one module live, and a SIGKILL of one process loses no saved keystroke", async ({
  newPage,
  startServer,
}) => {
  test.setTimeout(240_000);
  const redis = await startRedis();
  try {
    const env = { REDIS_URL: redis.url, WORKERS: "1" };
    const one = await startServer({ env, label: "process one" });
    const two = await startServer({
      env: { ...env, SEED_DEMO: "false" },
      databasePath: one.databasePath,
      label: "process two",
    });

    const fran = await newPage({ baseURL: one.baseURL });
    await signIn(fran, PEOPLE.facilitator.email, one);
    const module = await createModule(fran);
    await addCollaborator(fran, PEOPLE.coDesigner.name, "Co-designer");
    await openModule(fran, module);

    const jordan = await newPage({ baseURL: two.baseURL });
    await signIn(jordan, PEOPLE.coDesigner.email, two);
    await openModule(jordan, module);
    await checkPage(jordan);

    const franLine = `Fran on process one ${randomBytes(4).toString("hex")}`;
    await typeAndSave(fran, franLine);
    await expect(editorOf(jordan)).toContainText(franLine);
    const jordanLine = `Jordan on process two ${randomBytes(4).toString("hex")}`;
    await typeAndSave(jordan, jordanLine, { newParagraph: true });
    await expect(editorOf(fran)).toContainText(jordanLine);

    // Jordan's process dies at once; what it showed as Saved was already in the shared database.
    const lastLine = `Saved just before the crash ${randomBytes(4).toString("hex")}`;
    await typeAndSave(jordan, lastLine, { newParagraph: true });
    await expect(editorOf(fran)).toContainText(lastLine);
    expect((await two.kill()).signal).toBe("SIGKILL");
    await jordan.goto("about:blank");

    // Fran carries on with the other process alone, then it is stopped too and a fresh one reads the store.
    const afterLine = `Fran after the crash ${randomBytes(4).toString("hex")}`;
    await typeAndSave(fran, afterLine, { newParagraph: true });
    expect((await one.kill()).signal).toBe("SIGKILL");
    expect(integrityCheck(one.databasePath)).toBe("ok");
    const fresh = await startServer({ databasePath: one.databasePath, label: "fresh process" });
    const reader = await newPage({ baseURL: fresh.baseURL });
    await signIn(reader, PEOPLE.facilitator.email, fresh);
    await openModule(reader, module);
    expect(await documentText(reader)).toBe([franLine, jordanLine, lastLine, afterLine].join("\n"));
  } finally {
    await redis.stop();
  }
});
