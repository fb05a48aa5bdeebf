import { useEffect, useRef, useState } from "react";

/** How long a thread that has just arrived may wait for its anchor before it is called detached. */
export const ANCHOR_GRACE_MS = 5_000;

/**
 * The threads to treat as anchored. A thread posted by someone else reaches this page (the comment is
 * saved first) a moment before its anchor does (the mark travels with the document), so a thread
 * that arrived after the document synced, and has not been seen anchored yet, counts as anchored for
 * a grace period. Threads that were here when the document synced, or that were seen anchored and
 * lost their words, are detached as soon as their anchor is missing. Null until the document has
 * synced: before that, nothing is known.
 */
export function useAnchoredThreads(
  anchored: string[] | null,
  threadIds: string[],
  graceMs = ANCHOR_GRACE_MS,
): string[] | null {
  const atSync = useRef<Set<string> | null>(null);
  const seenAnchored = useRef(new Set<string>());
  const arrivedAt = useRef(new Map<string, number>());
  const [, wake] = useState(0);

  let result: string[] | null = null;
  let nextCheck: number | null = null;
  if (anchored !== null) {
    const now = Date.now();
    atSync.current ??= new Set(threadIds);
    const live = new Set(anchored);
    const waiting: string[] = [];
    for (const id of threadIds) {
      if (live.has(id)) {
        seenAnchored.current.add(id);
        arrivedAt.current.delete(id);
        continue;
      }
      if (atSync.current.has(id) || seenAnchored.current.has(id)) continue;
      const since = arrivedAt.current.get(id) ?? now;
      arrivedAt.current.set(id, since);
      const left = since + graceMs - now;
      if (left > 0) {
        waiting.push(id);
        nextCheck = Math.min(nextCheck ?? left, left);
      }
    }
    result = [...anchored, ...waiting];
  }

  useEffect(() => {
    if (nextCheck === null) return;
    const timer = setTimeout(() => wake((n) => n + 1), nextCheck + 20);
    return () => clearTimeout(timer);
  }, [nextCheck]);

  return result;
}
