import { formatDateTime } from "../layout";

type Facts = {
  sectionCount: number;
  wordCount: number;
  blockCounts: Record<string, number>;
  lastEditedAt: string | Date | null;
  lastEditedBy: string | null;
};

/** The module at a glance: its sections, words and training blocks, and who edited it last. */
export function ModuleFacts({ facts }: { facts: Facts | undefined }) {
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">At a glance</h2>
      <dl className="facts">
        <dt>Sections</dt>
        <dd>{facts?.sectionCount ?? 0}</dd>
        <dt>Words</dt>
        <dd>{facts?.wordCount ?? 0}</dd>
        <dt>Training blocks</dt>
        <dd>
          {Object.entries(facts?.blockCounts ?? {})
            .map(([type, n]) => `${n} ${type.replace(/([A-Z])/g, " $1").toLowerCase()}`)
            .join(", ") || "None yet"}
        </dd>
        <dt>Last edited</dt>
        <dd>
          {facts?.lastEditedAt
            ? `${formatDateTime(facts.lastEditedAt)}${facts.lastEditedBy ? ` by ${facts.lastEditedBy}` : ""}`
            : "Not yet"}
        </dd>
      </dl>
    </section>
  );
}
