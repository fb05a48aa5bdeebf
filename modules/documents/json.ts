import type { JSONContent } from "@tiptap/core";
import { describesItself } from "./blocks/image";
import { documentSchema } from "./extensions";

export type DocJSON = JSONContent;

export const EMPTY_DOC: DocJSON = { type: "doc", content: [{ type: "paragraph" }] };

export const IMAGE_WITHOUT_ALT =
  "An image needs alt text that says what it shows, or to be marked as decorative if it adds nothing a learner would miss.";

/** Checks a Tiptap JSON document against the schema: unknown nodes, wrong nesting, bad marks all fail, and so does an image that says nothing of itself. */
export function validateDoc(json: unknown): { ok: true } | { ok: false; message: string } {
  try {
    const node = documentSchema.nodeFromJSON(json);
    node.check();
    let undescribed = false;
    node.descendants((child) => {
      if (child.type.name === "image" && !describesItself(child.attrs)) undescribed = true;
      return !undescribed;
    });
    if (undescribed) return { ok: false, message: IMAGE_WITHOUT_ALT };
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
