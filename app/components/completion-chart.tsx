import { countOf } from "../lib/plural";
import { formatDate } from "./layout";

type Point = { day: string; complete: number; rate: number };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };

/**
 * The share of the cohort that has completed, day by day, as an SVG step chart with a text summary
 * for screen readers and the same numbers in a table.
 */
export function CompletionChart({ series, total }: { series: Point[]; total: number }) {
  const last = series[series.length - 1];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const oneDay = series.length === 1;
  const x = (i: number) => PAD.left + (oneDay ? 0 : (i / (series.length - 1)) * plotW);
  const y = (rate: number) => PAD.top + (1 - rate) * plotH;
  const steps = series.map((p, i) => (i === 0 ? `M${x(0)},${y(p.rate)}` : `H${x(i)}V${y(p.rate)}`)).join("");
  // A single day has no width of its own: its level is drawn across the chart, or nothing would show.
  const path = oneDay ? `${steps}H${WIDTH - PAD.right}` : steps;
  const first = series[0];
  const summary = last
    ? `${last.complete} of ${countOf(total, "learner")} (${Math.round(last.rate * 100)}%) had completed by ${formatDate(last.day)}${
        first && first.day !== last.day ? `, starting from ${formatDate(first.day)}` : ""
      }.`
    : "No data yet.";
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-svg-title chart-svg-desc" width="100%">
        <title id="chart-svg-title">Completion rate over time</title>
        <desc id="chart-svg-desc">{summary}</desc>
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(r)} y2={y(r)} className="chart-grid" />
            <text x={PAD.left - 8} y={y(r) + 4} textAnchor="end" className="chart-label">
              {Math.round(r * 100)}%
            </text>
          </g>
        ))}
        {series.length > 0 ? (
          <>
            <path d={path} className="chart-line" fill="none" />
            <text x={PAD.left} y={HEIGHT - 10} className="chart-label">
              {formatDate(first?.day ?? "")}
            </text>
            {oneDay ? null : (
              <text x={WIDTH - PAD.right} y={HEIGHT - 10} textAnchor="end" className="chart-label">
                {formatDate(last?.day ?? "")}
              </text>
            )}
          </>
        ) : null}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Show the numbers as a table</summary>
        <table>
          <caption>Learners complete at the end of each day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Complete</th>
              <th scope="col">Share of the cohort</th>
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.day}>
                <td>{formatDate(p.day)}</td>
                <td>{p.complete}</td>
                <td>{Math.round(p.rate * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
