import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { selfCarePlans } from "../../db/schema";

/** Only ever read for the learner themself: like the journal it sits in, a plan is health data. */
export const selfCarePlanRows = (db: DB, userId: string) =>
  db.select().from(selfCarePlans).where(eq(selfCarePlans.userId, userId)).all();

/** The learner's plan in one organisation or everywhere: it goes whenever their journal goes. */
export function eraseSelfCarePlan(db: DB, userId: string, orgId?: string) {
  db.delete(selfCarePlans)
    .where(and(eq(selfCarePlans.userId, userId), orgId ? eq(selfCarePlans.orgId, orgId) : undefined))
    .run();
}
