/**
 * The people mentioned in a comment: "@" followed by a collaborator's full name (or first name when
 * that is unambiguous). Longer names win, so "@Sam Taylor" is not also "@Sam".
 */
export function findMentions(body: string, people: { userId: string; name: string }[]): string[] {
  const candidates: { userId: string; handle: string }[] = [];
  const firstNames = new Map<string, number>();
  for (const p of people) {
    const first = p.name.split(/\s+/)[0] ?? p.name;
    firstNames.set(first.toLowerCase(), (firstNames.get(first.toLowerCase()) ?? 0) + 1);
  }
  for (const p of people) {
    candidates.push({ userId: p.userId, handle: p.name });
    const first = p.name.split(/\s+/)[0] ?? p.name;
    if (first !== p.name && firstNames.get(first.toLowerCase()) === 1)
      candidates.push({ userId: p.userId, handle: first });
  }
  candidates.sort((a, b) => b.handle.length - a.handle.length);
  const found = new Set<string>();
  const lower = body.toLowerCase();
  const taken: [number, number][] = [];
  for (const c of candidates) {
    const needle = `@${c.handle.toLowerCase()}`;
    let at = lower.indexOf(needle);
    while (at !== -1) {
      const end = at + needle.length;
      const boundary = end === lower.length || !/[\p{L}\p{N}]/u.test(lower[end] ?? "");
      const overlaps = taken.some(([s, e]) => at < e && end > s);
      if (boundary && !overlaps) {
        found.add(c.userId);
        taken.push([at, end]);
      }
      at = lower.indexOf(needle, end);
    }
  }
  return [...found];
}
