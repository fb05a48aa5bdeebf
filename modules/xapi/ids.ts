import { createHash, createHmac } from "node:crypto";

/** Alongside's own namespace for name-based statement and registration ids (a fixed, random UUID). */
const NAMESPACE = "3f0c8f5e-7a41-4d1b-9a6e-2c5d8b7e1f90";

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of namespace and name), so the same progress event
 * always gives the same statement id and an LRS can recognise a statement it already stored.
 */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One statement of one progress event. The enrolment id (random) is part of the name so a fresh
 * database, whose event ids start again at 1, never reuses the ids of statements an LRS already has.
 */
export function statementId(enrolmentId: string, eventId: number, verb: string): string {
  return uuidV5(`statement/${enrolmentId}/${eventId}/${verb}`);
}

/** xAPI's registration: one learner taking one course, i.e. one enrolment. */
export function registrationId(enrolmentId: string): string {
  return uuidV5(`registration/${enrolmentId}`);
}

/**
 * The learner's opaque account name: a keyed hash of their user id, stable per person while the
 * server keeps its secret, and not reversible without it. The prefix keeps these hashes apart from
 * any other use of the same secret (session and invitation tokens).
 */
export function actorName(userId: string, secret: string): string {
  return createHmac("sha256", secret).update(`xapi-actor/${userId}`).digest("hex");
}
