/** What routes may ask of a module's history: its snapshots, taking and restoring one, and comparing two. */

export type { DiffField, DiffPart } from "./diff";
export { compareSchema, snapshotNameSchema } from "./schemas";
export {
  compareVersions,
  listSnapshots,
  restoredSnapshot,
  restoreSnapshot,
  snapshotPage,
  takeSnapshot,
} from "./service";
