import type { DB } from "../../db/client";
import type { Config } from "../config/schemas";

/**
 * What the composition root (server.ts) hands to every request: one database connection and the
 * validated configuration. Routes receive it through Remix's load context.
 */
export type Runtime = {
  db: DB;
  config: Config;
};
