import type { DB } from "../../db/client";
import type { CollabControl } from "../collaboration/server";
import type { Config } from "../config/schemas";
import type { EventBus } from "../events/bus";

/**
 * What the composition root (server.ts) hands to every request: one database connection, the
 * validated configuration and the live collaboration layer. Routes receive it through Remix's
 * load context.
 */
export type Runtime = {
  db: DB;
  config: Config;
  collab: CollabControl;
  /** What use cases tell after they commit; live collaboration subscribes to access changes. */
  events: EventBus;
};
