import type { WritingHint } from "../../../modules/documents/writing-hints";
import { WritingHintsList } from "./writing-hints-list";

/** The writing hints on the Review page, for everyone reviewing the module: a prompt, never a rule. */
export function WritingHintsCard({ hints }: { hints: readonly WritingHint[] }) {
  return (
    <section className="card" aria-labelledby="writing-hints-title">
      <h2 id="writing-hints-title">Writing hints</h2>
      <p className="muted">
        Things a careful reader might point out. They never stop anyone signing off or publishing: talk them over.
      </p>
      <WritingHintsList hints={hints} />
    </section>
  );
}
