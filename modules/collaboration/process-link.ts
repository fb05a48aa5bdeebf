import crypto from "node:crypto";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import type { Extension } from "@hocuspocus/server";
import IORedis from "ioredis";
import { z } from "zod";

const CONTROL_CHANNEL = "alongside:control";

/** What one process asks the others to do for the editors connected to them. */
const controlMessage = z.union([
  z.object({ recheck: z.object({ userId: z.string().optional(), moduleId: z.string().optional() }) }),
  z.object({ notify: z.object({ moduleId: z.string(), payload: z.string() }) }),
]);
export type ControlMessage = z.infer<typeof controlMessage>;

/**
 * The processes serving one database, joined through Redis (ADR 21). The Hocuspocus Redis extension
 * carries document updates, awareness and broadcasts between copies of a document open in several
 * processes. Besides it, one control channel carries what a request handled in one process asks of
 * editors connected to another: check access again (a member removed), or hear that something beside
 * the document changed (a comment, a lock, a break) when this process does not have the document open.
 */
export type ProcessLink = {
  extension: Extension;
  publish(message: ControlMessage): void;
  onMessage(handler: (message: ControlMessage) => void): void;
  close(): Promise<void>;
};

/** Connects to Redis, or says plainly why it could not within the timeout. */
export async function linkProcesses(url: string, { timeoutMs = 5_000 } = {}): Promise<ProcessLink> {
  const identifier = `alongside-${crypto.randomUUID()}`;
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: timeoutMs };
  const base = new IORedis(url, options);
  const control = new IORedis(url, options);
  // ioredis reconnects by itself; one line says Redis went away and one that it is back.
  let down = false;
  const watch = (client: IORedis) => {
    client.on("error", (error: Error) => {
      if (down) return;
      down = true;
      console.error(`Redis is unreachable (${error.message}); editors on other processes wait for it to return.`);
    });
    client.on("ready", () => {
      if (!down) return;
      down = false;
      console.log("Redis is reachable again.");
    });
  };
  // Until the first connection is made, a failure is the error thrown below.
  for (const client of [base, control]) client.on("error", () => {});
  try {
    await Promise.all([base.connect(), control.connect()]);
    await base.ping();
  } catch (error) {
    base.disconnect();
    control.disconnect();
    const host = new URL(url).host.replace(/^.*@/, "");
    throw new Error(`cannot reach Redis at ${host} (${error instanceof Error ? error.message : String(error)})`);
  }
  const extension = new RedisExtension({ redis: base, prefix: "alongside", identifier });
  for (const client of [base, control, extension.pub, extension.sub]) watch(client as IORedis);
  const handlers: ((message: ControlMessage) => void)[] = [];
  await control.subscribe(CONTROL_CHANNEL);
  control.on("message", (_channel: string, raw: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const envelope = z.object({ from: z.string(), message: controlMessage }).safeParse(parsed);
    if (!envelope.success || envelope.data.from === identifier) return;
    for (const handler of handlers) handler(envelope.data.message);
  });
  return {
    extension,
    publish(message) {
      base.publish(CONTROL_CHANNEL, JSON.stringify({ from: identifier, message })).catch((error: unknown) => {
        console.error("Telling the other processes failed; their editors follow on reconnecting.", error);
      });
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    async close() {
      for (const client of [control, base, extension.pub, extension.sub]) client.disconnect();
    },
  };
}
