import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import { secureRandomBytes } from "./random";

/** 128 random bits, URL-safe: used for every public object id. */
export function newId(): string {
  return secureRandomBytes(16).toString("base64url");
}

/** Ids arriving from URLs and forms: anything else answers 404, never a database error. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "That link is not valid.");

export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}

/** A secret token for a cookie or an invitation link (256 bits). */
export function newToken(): string {
  return secureRandomBytes(32).toString("base64url");
}

/** Tokens are stored only as a keyed hash, so a copy of the database cannot be replayed as a cookie. */
export function hashToken(token: string, secret: string): string {
  return createHmac("sha256", secret).update(token).digest("base64url");
}

export function sha256(value: string | Uint8Array): string {
  return createHash("sha256").update(value).digest("hex");
}
