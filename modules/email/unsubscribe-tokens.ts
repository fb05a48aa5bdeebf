import { createHmac, timingSafeEqual } from "node:crypto";
import { type EmailKind, isEmailKind } from "./kinds";

/**
 * The token in an unsubscribe link: the kind and the address it was sent to, signed with the
 * server's secret (a purpose prefix keeps it from ever matching a session or invitation hash). It
 * needs no row of its own, so every message can carry one, and it cannot be made for anyone else.
 */
function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(secret: string, address: string, kind: EmailKind): string {
  const payload = Buffer.from(`${kind}:${address.toLowerCase()}`, "utf8").toString("base64url");
  return `${payload}.${signature(payload, secret)}`;
}

/** What a token says, or null when it was not made by this server (forged, altered, cut short). */
export function readUnsubscribeToken(secret: string, token: string): { address: string; kind: EmailKind } | null {
  if (token.length > 1000) return null;
  const [payload, given, ...rest] = token.split(".");
  if (!payload || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(payload, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const decoded = Buffer.from(payload, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  const kind = decoded.slice(0, colon);
  const address = decoded.slice(colon + 1);
  if (colon < 0 || !isEmailKind(kind) || address === "") return null;
  return { address, kind };
}
