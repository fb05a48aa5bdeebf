/** A run of text, marked where it matched a search. */
export type Segment = { text: string; mark: boolean };

/**
 * Search results as text with the matching words in `<mark>`. Every run is a React text node, so
 * whatever a module holds (`<script>` included) is shown as written, never run.
 */
export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        // The runs never move or change within one result, so their position is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}

export const plain = (segments: Segment[]) => segments.map((s) => s.text).join("");
