import { eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import {
  commentThreads,
  courses,
  courseVersions,
  moduleDocUpdates,
  moduleFacts,
  moduleSnapshots,
  moduleVersions,
  retentionAnnouncements,
  retentionPolicies,
} from "../../db/schema";

/**
 * Records of shared work that name the person only by their account id, read for their download.
 * They stay after erasure (the id then names a tombstone), so they are only read here, never written.
 */

export const snapshotRows = (db: DB, userId: string) =>
  db
    .select({ moduleId: moduleSnapshots.moduleId, name: moduleSnapshots.name, createdAt: moduleSnapshots.createdAt })
    .from(moduleSnapshots)
    .where(eq(moduleSnapshots.createdBy, userId))
    .all();

/** Published versions they published or are credited on. */
export const moduleVersionRows = (db: DB, userId: string) =>
  db
    .select({
      id: moduleVersions.id,
      title: moduleVersions.title,
      version: moduleVersions.version,
      publishedByThem: sql<boolean>`${moduleVersions.publishedBy} = ${userId}`,
      publishedAt: moduleVersions.publishedAt,
    })
    .from(moduleVersions)
    .where(
      sql`${moduleVersions.publishedBy} = ${userId} or exists (select 1 from json_each(${moduleVersions.credits}) c where json_extract(c.value, '$.userId') = ${userId})`,
    )
    .all();

export const courseRows = (db: DB, userId: string) =>
  db
    .select({ id: courses.id, title: courses.title, createdAt: courses.createdAt })
    .from(courses)
    .where(eq(courses.createdBy, userId))
    .all();

export const courseVersionRows = (db: DB, userId: string) =>
  db
    .select({
      id: courseVersions.id,
      title: courseVersions.title,
      version: courseVersions.version,
      publishedAt: courseVersions.publishedAt,
    })
    .from(courseVersions)
    .where(eq(courseVersions.publishedBy, userId))
    .all();

/** How much they typed into each module's live document, and when; the binary edits themselves are not readable. */
export const documentEditRows = (db: DB, userId: string) =>
  db
    .select({
      moduleId: moduleDocUpdates.moduleId,
      edits: sql<number>`count(*)`,
      first: sql<number>`min(${moduleDocUpdates.createdAt})`,
      last: sql<number>`max(${moduleDocUpdates.createdAt})`,
    })
    .from(moduleDocUpdates)
    .where(eq(moduleDocUpdates.userId, userId))
    .groupBy(moduleDocUpdates.moduleId)
    .all();

export const lastEditRows = (db: DB, userId: string) =>
  db
    .select({ moduleId: moduleFacts.moduleId, lastEditedAt: moduleFacts.lastEditedAt })
    .from(moduleFacts)
    .where(eq(moduleFacts.lastEditedBy, userId))
    .all();

export const threadsResolvedRows = (db: DB, userId: string) =>
  db
    .select({ id: commentThreads.id, moduleId: commentThreads.moduleId, resolvedAt: commentThreads.resolvedAt })
    .from(commentThreads)
    .where(eq(commentThreads.resolvedBy, userId))
    .all();

export const retentionPolicyRows = (db: DB, userId: string) =>
  db
    .select({
      orgId: retentionPolicies.orgId,
      months: retentionPolicies.months,
      updatedAt: retentionPolicies.updatedAt,
    })
    .from(retentionPolicies)
    .where(eq(retentionPolicies.updatedBy, userId))
    .all();

export const retentionAnnouncementRows = (db: DB, userId: string) =>
  db.select().from(retentionAnnouncements).where(eq(retentionAnnouncements.userId, userId)).all();
