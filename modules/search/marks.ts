/** What FTS5 puts around each matching word; control characters, which no indexed text keeps. */
export const MARK_OPEN = "\u0001";
export const MARK_CLOSE = "\u0002";

/** A run of text, marked when it is a word that matched. Pages render it as text, so nothing in it is HTML. */
export type Segment = { text: string; mark: boolean };

/**
 * Splits FTS5's highlighted text into runs. The markers are control characters rather than `<mark>`
 * tags, so the module's own text (which may well contain `<script>`) is never mistaken for markup:
 * the page escapes every run and adds the `<mark>` elements itself.
 */
export function segmentsOf(highlighted: string | null): Segment[] {
  if (!highlighted) return [];
  const segments: Segment[] = [];
  for (const [i, part] of highlighted.split(MARK_OPEN).entries()) {
    const [marked, rest] = i === 0 ? [null, part] : splitOnce(part, MARK_CLOSE);
    if (marked) segments.push({ text: marked, mark: true });
    if (rest) segments.push({ text: rest, mark: false });
  }
  return segments;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}

export function hasMark(segments: Segment[]) {
  return segments.some((s) => s.mark);
}

/** Text as it goes into the index: without control characters, so the markers stay unambiguous. */
export function indexable(text: string) {
  return text.replace(/\p{Cc}/gu, " ");
}
