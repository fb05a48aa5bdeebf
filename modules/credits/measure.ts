import * as Y from "yjs";
import { BLOCK_TYPES } from "../documents/vocabulary";

const BLOCKS = new Set<string>(BLOCK_TYPES);

export type Measured = { characters: number; blocks: number };

/**
 * What one stored Yjs update added: characters of text typed or pasted, and training blocks
 * inserted. Read from the update's own structures, so it measures what this person sent, whatever
 * happened to the text later.
 */
export function measureUpdate(update: Uint8Array): Measured {
  let characters = 0;
  let blocks = 0;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentString) characters += content.str.length;
    else if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
      if (BLOCKS.has(content.type.nodeName)) blocks += 1;
    }
  }
  return { characters, blocks };
}
