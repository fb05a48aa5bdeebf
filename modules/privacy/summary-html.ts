import type { PersonalDataSet } from "./collect";

const escaped = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function rowList(rows: unknown[]): string {
  return rows
    .map((row) => {
      const fields = Object.entries(row as Record<string, unknown>)
        .map(([key, value]) => `<dt>${escaped(key)}</dt><dd>${escaped(shown(value))}</dd>`)
        .join("");
      return `<li><dl>${fields}</dl></li>`;
    })
    .join("");
}

/**
 * The download's readable half: what each kind of data is, how many there are, and each one, in
 * plain words, with what deleting the account would do to it. data.json holds the same for machines.
 */
export function summaryHtml(data: PersonalDataSet): string {
  const groups = Object.entries(data.tables);
  const held = groups.filter(([, g]) => g.rows.length > 0);
  const empty = groups.filter(([, g]) => g.rows.length === 0);
  const sections = held
    .map(
      ([table, g], i) => `<section aria-labelledby="g${i}">
<h2 id="g${i}">${escaped(g.about)}</h2>
<p>${g.rows.length === 1 ? "1 item" : `${g.rows.length} items`}. If the account is deleted: ${escaped(g.erasure)}</p>
<ol>${rowList(g.rows)}</ol>
<p class="table">In data.json under <code>${escaped(table)}</code>.</p>
</section>`,
    )
    .join("\n");
  const leftOut =
    data.leftOut.length > 0
      ? "<p>Your reflection journal, your self-care plan, your supervision pages and your support choice (where you are and the groups you chose) are not in this copy: they are private, and only you can download them, from your own account.</p>"
      : "";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data in Alongside</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
dl { display: grid; grid-template-columns: minmax(8rem, auto) 1fr; gap: 0.25rem 1rem; overflow-wrap: anywhere; }
dt { font-weight: 600; }
li { margin-bottom: 1rem; }
.table { color: #444; }
</style>
</head>
<body>
<main>
<h1>Your data in Alongside</h1>
<p>This is everything Alongside holds about ${escaped(data.person.name)} (${escaped(data.person.email)}), as it was on ${escaped(data.exportedAt.slice(0, 10))}.</p>
<p>It is in two files: this page, to read, and <code>data.json</code>, the same data for another service to read.</p>
${leftOut}
${sections}
<section aria-labelledby="none">
<h2 id="none">Kinds of data with nothing about you</h2>
<ul>${empty.map(([, g]) => `<li>${escaped(g.about)}</li>`).join("")}</ul>
</section>
</main>
</body>
</html>
`;
}
