import { CreditForm } from "~/components/credit-form";
import type { FormState } from "~/components/form";

type Credit = {
  moduleId: string;
  title: string;
  creditMode: "real" | "chosen" | "anonymous";
  creditName: string;
  removedAt: string | Date | null;
};

/** How a person is credited on each module they worked on; each choice is theirs to change. */
export function YourCredits({
  credits,
  realName,
  stateFor,
}: {
  credits: Credit[];
  realName: string;
  stateFor: (moduleId: string) => FormState;
}) {
  if (credits.length === 0) return null;
  return (
    <section className="card" aria-labelledby="credits-title">
      <h2 id="credits-title">How you are credited</h2>
      <p>For each module you have worked on here, choose how your name appears. You can change it at any time.</p>
      {credits.map((c) => (
        <details key={c.moduleId} open={stateFor(c.moduleId) !== undefined}>
          <summary>
            {c.title}:{" "}
            {c.creditMode === "anonymous"
              ? "not named"
              : c.creditMode === "chosen"
                ? `as ${c.creditName}`
                : "by your name"}
            {c.removedAt ? " (you are no longer on this module)" : ""}
          </summary>
          <CreditForm
            moduleId={c.moduleId}
            realName={realName}
            mode={c.creditMode}
            name={c.creditName}
            state={stateFor(c.moduleId)}
          />
        </details>
      ))}
    </section>
  );
}
