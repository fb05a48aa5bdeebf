import { z } from "zod";
import { requiredText } from "../shared/fields";
import { idSchema } from "../shared/ids";
import type { VersionRef } from "./service";

export const snapshotNameSchema = z.object({ name: requiredText("a name for the snapshot", 120) });

const versionRef: z.ZodType<VersionRef> = z.union([
  z.literal("current").transform(() => ({ kind: "current" as const })),
  idSchema.transform((id) => ({ kind: "snapshot" as const, id })),
]);

/** The two versions the compare page is asked for, from its address. */
export const compareSchema = z.object({ from: versionRef, to: versionRef });
