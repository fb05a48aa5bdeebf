import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompletionChart } from "./completion-chart";

type Point = { day: string; complete: number; rate: number };

function chart(series: Point[], total: number) {
  return renderToStaticMarkup(createElement(CompletionChart, { series, total }));
}

/** The drawn line's path, as horizontal and vertical extents of the plot. */
function lineOf(markup: string) {
  const d = /<path d="([^"]*)" class="chart-line"/.exec(markup)?.[1];
  if (d === undefined) throw new Error("no line drawn");
  const xs = [...d.matchAll(/(?:M|H)([\d.]+)/g)].map((m) => Number(m[1]));
  return { d, width: Math.max(...xs) - Math.min(...xs) };
}

describe("CompletionChart", () => {
  it("draws a line across the chart when all activity falls on one day", () => {
    const markup = chart([{ day: "2026-12-01", complete: 1, rate: 0.5 }], 2);
    const line = lineOf(markup);
    // Halfway up the plot, from its left edge to its right edge.
    expect(line.d).toBe("M48,100H624");
    expect(line.width).toBeGreaterThan(0);
    // The one day is labelled once.
    expect(markup.match(/1 December 2026<\/text>/g)).toHaveLength(1);
  });

  it("draws a step for each day over several days", () => {
    const line = lineOf(
      chart(
        [
          { day: "2026-12-01", complete: 0, rate: 0 },
          { day: "2026-12-02", complete: 1, rate: 0.5 },
          { day: "2026-12-03", complete: 2, rate: 1 },
        ],
        2,
      ),
    );
    expect(line.d).toBe("M48,184H336V100H624V16");
  });

  it("says in words how many of the cohort had completed, in the right number", () => {
    expect(chart([{ day: "2026-12-01", complete: 0, rate: 0 }], 1)).toContain(
      "0 of 1 learner (0%) had completed by 1 December 2026.",
    );
    expect(
      chart(
        [
          { day: "2026-12-01", complete: 0, rate: 0 },
          { day: "2026-12-02", complete: 1, rate: 1 / 3 },
        ],
        3,
      ),
    ).toContain("1 of 3 learners (33%) had completed by 2 December 2026, starting from 1 December 2026.");
  });
});
