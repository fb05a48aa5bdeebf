import * as Y from "yjs";
import { BLOCK_TYPES } from "../documents/vocabulary";

const BLOCKS = new Set<string>(BLOCK_TYPES);

export type Measured = { characters: number; blocks: number };

type Range = { start: number; end: number; userId: string };

/**
 * Who wrote what, read from the stored update log: every Yjs item has an id (the editor's client
 * and a clock), and each stored update says who sent the items it carries.
 */
export class Authorship {
  private readonly ranges = new Map<number, Range[]>();
  /** People whose updates inserted text or a block at some point, whatever became of it. */
  readonly wrote = new Set<string>();

  /** Reads more of the log, in the order it was stored. */
  read(updates: Iterable<{ userId: string | null; update: Uint8Array }>) {
    for (const { userId, update } of updates) {
      // Updates without a person (imports, the first document) are nobody's contribution.
      if (!userId) continue;
      for (const struct of Y.decodeUpdate(update).structs) {
        if (struct instanceof Y.Skip) continue;
        if (struct instanceof Y.Item && insertsWriting(struct)) this.wrote.add(userId);
        this.add(struct.id.client, struct.id.clock, struct.id.clock + struct.length, userId);
      }
    }
    for (const list of this.ranges.values()) list.sort((a, b) => a.start - b.start);
  }

  private add(client: number, start: number, end: number, userId: string) {
    const list = this.ranges.get(client) ?? [];
    const last = list.at(-1);
    if (last && last.userId === userId && last.end === start) last.end = end;
    else list.push({ start, end, userId });
    this.ranges.set(client, list);
  }

  /** Each person's share of the clocks [clock, clock + length) of one client. */
  *owners(client: number, clock: number, length: number): Generator<{ userId: string; length: number }> {
    const end = clock + length;
    for (const range of this.ranges.get(client) ?? []) {
      if (range.end <= clock) continue;
      if (range.start >= end) break;
      yield { userId: range.userId, length: Math.min(end, range.end) - Math.max(clock, range.start) };
    }
  }
}

function insertsWriting(item: Y.Item): boolean {
  const content = item.content;
  if (content instanceof Y.ContentString) return content.str.length > 0;
  return content instanceof Y.ContentType && content.type instanceof Y.XmlElement && BLOCKS.has(content.type.nodeName);
}

/**
 * What each person's work left in the document: the characters of text and the training blocks
 * that are still there, each credited to whoever inserted it. Text deleted, undone or rewritten
 * by anyone no longer counts for anyone.
 */
export function remainingWork(doc: Y.Doc, authorship: Authorship): Map<string, Measured> {
  const totals = new Map<string, Measured>();
  const credit = (userId: string, characters: number, blocks: number) => {
    const total = totals.get(userId) ?? { characters: 0, blocks: 0 };
    total.characters += characters;
    total.blocks += blocks;
    totals.set(userId, total);
  };
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const content = struct.content;
      if (content instanceof Y.ContentString) {
        for (const owner of authorship.owners(client, struct.id.clock, struct.length)) {
          credit(owner.userId, owner.length, 0);
        }
      } else if (
        content instanceof Y.ContentType &&
        content.type instanceof Y.XmlElement &&
        BLOCKS.has(content.type.nodeName)
      ) {
        for (const owner of authorship.owners(client, struct.id.clock, 1)) credit(owner.userId, 0, 1);
      }
    }
  }
  return totals;
}
