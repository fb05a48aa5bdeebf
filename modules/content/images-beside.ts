import type { DB } from "../../db/client";
import { loadDocumentJSON } from "../collaboration/store";
import { findNodes } from "../documents/sections";
import { fullCopiesOf } from "../images/service";
import { imageFileName } from "./images";

/**
 * The images a module's content file names, as files to put beside it (images/<id>.webp, the full
 * copy), which import again as they are. The caller has checked the module is the organisation's.
 */
export async function moduleImageFiles(db: DB, orgId: string, moduleId: string) {
  const ids = findNodes(loadDocumentJSON(db, moduleId), "image").map((node) => String(node.attrs?.imageId ?? ""));
  const copies = await fullCopiesOf(db, orgId, [...new Set(ids)]);
  return [...copies].map(([id, stored]) => ({ name: imageFileName(id), bytes: new Uint8Array(stored.bytes) }));
}
