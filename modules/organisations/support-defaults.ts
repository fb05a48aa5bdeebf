import { eq, sql } from "drizzle-orm";
import file from "../../content/support-resources.json";
import type { DB } from "../../db/client";
import { organisations, supportDefaultsOffered, supportResources } from "../../db/schema";
import { newId } from "../shared/ids";
import { parseSupportDefaults } from "./support-defaults-file";

/** The defaults every organisation starts with; a malformed file stops the server at start. */
export const SUPPORT_DEFAULTS = parseSupportDefaults(file);

type DefaultRow = {
  key: string;
  names: string[];
  values: {
    name: string;
    purpose: string;
    phone: string;
    sms: string;
    web: string;
    hours: string;
    nations: string[];
    populations: string[];
    source: string;
  };
};

/** Every default in the order organisations get them: the services first, then what each completes. */
export const DEFAULT_ROWS: readonly DefaultRow[] = [
  ...SUPPORT_DEFAULTS.resources.map(({ key, formerNames, checked: _checked, ...values }) => ({
    key,
    names: [values.name, ...formerNames],
    values,
  })),
  ...SUPPORT_DEFAULTS.toComplete.map(({ key, ...place }) => ({
    key,
    names: [place.name],
    values: { ...place, phone: "", sms: "", web: "", hours: "", source: "" },
  })),
];

function offer(db: DB, orgId: string, rows: readonly DefaultRow[], now: Date) {
  if (rows.length === 0) return;
  const last = db
    .select({ max: sql<number | null>`max(${supportResources.position})` })
    .from(supportResources)
    .where(eq(supportResources.orgId, orgId))
    .get();
  const start = (last?.max ?? -1) + 1;
  db.insert(supportResources)
    .values(rows.map((r, i) => ({ ...r.values, id: newId(), orgId, position: start + i, updatedAt: now })))
    .run();
}

function recordOffered(db: DB, orgId: string, keys: string[], now: Date) {
  if (keys.length === 0) return;
  db.insert(supportDefaultsOffered)
    .values(keys.map((key) => ({ orgId, key, offeredAt: now })))
    .onConflictDoNothing()
    .run();
}

/** A new organisation's support list: every default, each recorded as given. */
export function addDefaultSupportResources(db: DB, orgId: string, now: Date) {
  offer(db, orgId, DEFAULT_ROWS, now);
  recordOffered(
    db,
    orgId,
    DEFAULT_ROWS.map((r) => r.key),
    now,
  );
}

/**
 * Run at start-up: each organisation is given, at the end of its list, the defaults added to the file
 * since it was last given them. One it already lists under the same name (or a former name) is only
 * marked as given, so nothing is listed twice; one its admins removed is not given back.
 */
export function offerNewSupportDefaults(db: DB, now: Date): number {
  let added = 0;
  db.transaction((tx) => {
    for (const { id: orgId } of tx.select({ id: organisations.id }).from(organisations).all()) {
      const given = new Set(
        tx
          .select({ key: supportDefaultsOffered.key })
          .from(supportDefaultsOffered)
          .where(eq(supportDefaultsOffered.orgId, orgId))
          .all()
          .map((r) => r.key),
      );
      const missing = DEFAULT_ROWS.filter((r) => !given.has(r.key));
      if (missing.length === 0) continue;
      const listed = new Set(
        tx
          .select({ name: supportResources.name })
          .from(supportResources)
          .where(eq(supportResources.orgId, orgId))
          .all()
          .map((r) => r.name.trim().toLowerCase()),
      );
      const fresh = missing.filter((r) => !r.names.some((n) => listed.has(n.trim().toLowerCase())));
      offer(tx, orgId, fresh, now);
      recordOffered(
        tx,
        orgId,
        missing.map((r) => r.key),
        now,
      );
      added += fresh.length;
    }
  });
  return added;
}

/** Whether the defaults' details are past the date by which they must be checked against the services again. */
export function defaultsReview(now: Date) {
  const reviewBy = SUPPORT_DEFAULTS.reviewBy;
  return { reviewBy, due: now.getTime() >= Date.parse(`${reviewBy}T00:00:00Z`) };
}
