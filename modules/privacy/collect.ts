import type { DB } from "../../db/client";
import { profileRows } from "../accounts/personal-data";
import { NotFoundError } from "../shared/errors";
import { type Person, type PersonalData, REGISTRY } from "./registry";

export type PersonalDataSet = {
  exportedAt: string;
  person: { name: string; email: string };
  /** Tables left out because only the person themself may have them (the journal, supervision), when an admin asks. */
  leftOut: string[];
  tables: Record<string, { about: string; erasure: string; rows: unknown[] }>;
};

/** Every registered table's rows for the person; for an admin acting for them, without the health data. */
export function collectPersonalData(db: DB, userId: string, now: Date, by: "self" | "admin"): PersonalDataSet {
  const profile = profileRows(db, userId)[0];
  if (!profile) throw new NotFoundError("That person");
  const person: Person = { id: profile.id, email: profile.email, name: profile.name };
  const entries = REGISTRY.filter((e): e is PersonalData => e.holds === "personal");
  const shared = entries.filter((e) => by === "self" || !e.ownerOnly);
  return {
    exportedAt: now.toISOString(),
    person: { name: profile.name, email: profile.email },
    leftOut: entries.filter((e) => !shared.includes(e)).map((e) => e.table),
    tables: Object.fromEntries(
      shared.map((e) => [e.table, { about: e.label, erasure: e.how, rows: e.rows(db, person) }]),
    ),
  };
}
