import type { JSONContent } from "@tiptap/core";
import { documentSchema } from "./extensions";

export type DocJSON = JSONContent;

export const EMPTY_DOC: DocJSON = { type: "doc", content: [{ type: "paragraph" }] };

/** Checks a Tiptap JSON document against the schema: unknown nodes, wrong nesting, bad marks all fail. */
export function validateDoc(json: unknown): { ok: true } | { ok: false; message: string } {
  try {
    const node = documentSchema.nodeFromJSON(json);
    node.check();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
