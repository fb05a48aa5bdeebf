import type { DB } from "../../db/client";
import { REFUSALS, type Refusal } from "./refusal";
import type { DecodedUpdate } from "./update-shape";

/**
 * Whether a module's workshop session is on a break at a moment. The rule belongs to the feature
 * that keeps sessions; the composition root hands it to the collaboration server, which asks it for
 * every update, so a break holds from the moment it is called.
 */
export type BreakRule = (db: DB, moduleId: string, now: Date) => boolean;

/**
 * During a break nobody, facilitators included, changes the module: the pause is for everyone, so
 * no one returns to find the text moved on. A sync that brings nothing new (a reconnect) is taken.
 */
export function breakRefusal(decoded: DecodedUpdate, onBreak: boolean): Refusal | null {
  if (!onBreak) return null;
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;
  return REFUSALS.onBreak;
}
