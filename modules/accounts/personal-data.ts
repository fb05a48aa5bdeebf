import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import {
  emailChanges,
  loginFailures,
  loginLocks,
  passwordResets,
  personalIntroductions,
  sessions,
  users,
} from "../../db/schema";
import { verifyPassword } from "./passwords";

/** What an erased account is called wherever others still see its past work. */
export const FORMER_MEMBER = "A former member";

/** The person's profile, without the password hash. */
export function profileRows(db: DB, userId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .all();
}

/** Where they are logged in, without the session ids: those are hashes of the cookie that lets them in. */
export function sessionRows(db: DB, userId: string) {
  return db
    .select({
      currentOrgId: sessions.currentOrgId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      persistent: sessions.persistent,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all();
}

export function introductionRows(db: DB, userId: string) {
  return db.select().from(personalIntroductions).where(eq(personalIntroductions.userId, userId)).all();
}

export function loginFailureRows(db: DB, email: string) {
  return db
    .select({ ip: loginFailures.ip, at: loginFailures.at })
    .from(loginFailures)
    .where(eq(loginFailures.email, email))
    .all();
}

export function loginLockRows(db: DB, email: string) {
  return db.select({ lockedAt: loginLocks.lockedAt }).from(loginLocks).where(eq(loginLocks.email, email)).all();
}

/** Reset links asked for, without their token hashes: those would still let someone in. */
export function passwordResetRows(db: DB, userId: string) {
  return db
    .select({ createdAt: passwordResets.createdAt, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
    .from(passwordResets)
    .where(eq(passwordResets.userId, userId))
    .all();
}

/** Changes of address asked for, without their token hashes. */
export function emailChangeRows(db: DB, userId: string) {
  return db
    .select({
      newEmail: emailChanges.newEmail,
      createdAt: emailChanges.createdAt,
      expiresAt: emailChanges.expiresAt,
      usedAt: emailChanges.usedAt,
    })
    .from(emailChanges)
    .where(eq(emailChanges.userId, userId))
    .all();
}

/** Every address the person has had or asked for here: email to any of them is theirs. */
export function addressesOf(db: DB, person: { id: string; email: string }): string[] {
  return [person.email, ...emailChangeRows(db, person.id).map((c) => c.newEmail)];
}

export function eraseLoginLocks(db: DB, email: string) {
  db.delete(loginLocks).where(eq(loginLocks.email, email)).run();
}

export function eraseAccountLinks(db: DB, userId: string) {
  db.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
  db.delete(emailChanges).where(eq(emailChanges.userId, userId)).run();
}

export function eraseSessions(db: DB, userId: string) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function eraseIntroduction(db: DB, userId: string) {
  db.delete(personalIntroductions).where(eq(personalIntroductions.userId, userId)).run();
}

export function eraseLoginFailures(db: DB, email: string) {
  db.delete(loginFailures).where(eq(loginFailures.email, email)).run();
}

/**
 * The users row becomes a tombstone: no name, an address that cannot receive mail or log in, and a
 * password hash no password matches. Its id stays, so others' comments and credits keep their shape.
 */
export function tombstoneUser(db: DB, userId: string) {
  db.update(users)
    .set({ name: FORMER_MEMBER, email: `former-member-${userId}@erased.invalid`, passwordHash: "erased" })
    .where(eq(users.id, userId))
    .run();
}

/** Whether the password is the person's own: asked again before their account is deleted. */
export async function isOwnPassword(db: DB, userId: string, password: string): Promise<boolean> {
  const user = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  return user ? verifyPassword(password, user.passwordHash) : false;
}
