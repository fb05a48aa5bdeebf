import { z } from "zod";
import { optionalText } from "../shared/fields";

/** Block and heading ids: the editor's random ones, or readable ones from a content file. */
const nodeId = z
  .string({ message: "Choose the part to lock." })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "That part of the module could not be found.");

export const REASON_MAX = 300;

export const lockSchema = z.object({ nodeId, reason: optionalText(REASON_MAX) });
export const unlockSchema = z.object({ nodeId });
