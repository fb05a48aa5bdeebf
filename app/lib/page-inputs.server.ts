/**
 * A page's loader data written out so that two values give the same text only when a component
 * could not tell them apart (ADR 41). Plain JSON would not do: it writes a Map and a Set as `{}`,
 * `NaN` as `null`, and drops `undefined`. Those are told apart here, and anything else that is not
 * plain data (a class instance, a function, a BigInt) gives `null`: such a page is rendered every
 * time, never mistaken for another.
 */
class NotPlain extends Error {}

function tagged(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? "invalid" : raw.toISOString() };
  if (raw === undefined) return { $undefined: true };
  if (typeof raw === "number" && !Number.isFinite(raw)) return { $number: String(raw) };
  if (typeof raw === "function" || typeof raw === "symbol" || typeof raw === "bigint") throw new NotPlain();
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const proto = Object.getPrototypeOf(raw);
    if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  }
  return value;
}

export function plainDataKey(data: unknown): string | null {
  try {
    return JSON.stringify(data, tagged);
  } catch (error) {
    if (error instanceof NotPlain || error instanceof TypeError) return null;
    throw error;
  }
}
