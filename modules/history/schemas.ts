import { z } from "zod";
import { requiredText } from "../shared/fields";

export const snapshotNameSchema = z.object({ name: requiredText("a name for the snapshot", 120) });
