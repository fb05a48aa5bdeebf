import { Html } from "./html";

type ScenarioPart = {
  id: string;
  situationHtml: string;
  responses: { id: string; html: string; discussionHtml: string }[];
};

/** A situation to think through, then each possible response opened to read about it. */
export function Scenario({ part }: { part: ScenarioPart }) {
  return (
    <section className="learn-block learn-scenario" aria-labelledby={`scenario-${part.id}`}>
      <h2 className="block-heading" id={`scenario-${part.id}`}>
        Scenario
      </h2>
      <Html html={part.situationHtml} as="div" className="scenario-situation" />
      <p className="hint">Think about what you would do, then open each response to read about it.</p>
      {part.responses.map((r) => (
        <details key={r.id} className="scenario-response">
          <summary>
            <Html html={r.html} as="span" />
          </summary>
          <Html html={r.discussionHtml} as="div" />
        </details>
      ))}
    </section>
  );
}
