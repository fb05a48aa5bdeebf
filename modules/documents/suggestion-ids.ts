/**
 * A suggestion's id says who made it: `<user id>:<random part>`. The server checks the author against
 * the connection that sends it, and the editor shows the author's name and colour from it.
 * Browser-safe.
 */
const SUGGESTION_ID = /^([A-Za-z0-9_-]{1,64}):[A-Za-z0-9_-]{4,32}$/;

export function isSuggestionId(value: unknown): value is string {
  return typeof value === "string" && SUGGESTION_ID.test(value);
}

export function authorOfSuggestion(id: unknown): string | null {
  return typeof id === "string" ? (SUGGESTION_ID.exec(id)?.[1] ?? null) : null;
}

export function newSuggestionId(userId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  const random = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return `${userId}:${random}`;
}
