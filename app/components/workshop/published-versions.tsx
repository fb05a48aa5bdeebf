import { formatDate } from "../layout";

/** The module's published versions, newest first, each with what it holds. */
export function PublishedVersions({
  versions,
}: {
  versions: { id: string; version: number; changelog: string; publishedAt: string | Date }[];
}) {
  if (versions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Published versions</h2>
      <ol className="plain-list">
        {versions.map((v) => (
          <li key={v.id}>
            <strong>Version {v.version}</strong> <span className="muted">· {formatDate(v.publishedAt)}</span>
            <p>{v.changelog}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
