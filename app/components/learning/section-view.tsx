import { ErrorSummary } from "~/components/form";
import { PageForm, PageLink } from "~/components/page-links";
import { type PlanWords, SAVE_PLAN } from "~/components/self-care/plan-form";
import { type SupportItem, SupportList } from "~/components/support-list";
import type { BlockState } from "./block-state";
import { ContentNoteGate } from "./content-note-gate";
import { Html } from "./html";
import { KnowledgeCheck } from "./knowledge-check";
import { Reflection } from "./reflection";
import { Scenario } from "./scenario";
import { SelfCarePlanBlock } from "./self-care-plan";
import { Story } from "./story";

type PropsOf<C> = C extends (props: infer P) => unknown ? P : never;

/** A part of a section as the player shows it: rich text, or a training block with what its form needs. */
export type SectionPart =
  | { kind: "html"; html: string }
  | { kind: "note"; topics: string[]; html: string }
  | ({ kind: "check" } & PropsOf<typeof KnowledgeCheck>["part"])
  | ({ kind: "reflection" } & PropsOf<typeof Reflection>["part"])
  | ({ kind: "scenario" } & PropsOf<typeof Scenario>["part"])
  | { kind: "takeaway"; html: string }
  | { kind: "signpost"; leadInHtml: string }
  | { kind: "selfCarePlan"; introHtml: string }
  | ({ kind: "story" } & PropsOf<typeof Story>["part"]);

/**
 * The body of a section as a learner meets it, for the learner's own page and for a preview of a
 * draft: the content-note gate first when the section has one, then its parts and the pager. Forms
 * post to the page's own action, which decides what (if anything) is recorded.
 */
export function SectionView({
  contentNote,
  shown,
  parts,
  support,
  state,
  savedPrompt,
  previousHref,
  isLast,
  selfCarePlan = null,
  planSaved = false,
  preview = false,
}: {
  contentNote: string[] | null;
  /** The learner chose to read past the content note. */
  shown: boolean;
  parts: readonly SectionPart[];
  support: readonly SupportItem[];
  state: BlockState;
  savedPrompt: string | null;
  previousHref: string | null;
  isLast: boolean;
  /** The learner's own plan, for a section that invites it. */
  selfCarePlan?: PlanWords | null;
  planSaved?: boolean;
  preview?: boolean;
}) {
  return (
    <>
      {/* A block shows its own problems; anything no block on the page claims (a forged id) shows here. */}
      <ErrorSummary
        state={
          parts.some(
            (p) =>
              (p.kind === "check" && state?.intent === `answer-${p.id}`) ||
              (p.kind === "reflection" && state?.intent === `reflect-${p.id}`) ||
              (p.kind === "selfCarePlan" && state?.intent === SAVE_PLAN),
          )
            ? undefined
            : state
        }
      />
      {contentNote !== null && !shown ? (
        <ContentNoteGate
          topics={contentNote}
          notes={parts
            .filter((p): p is Extract<SectionPart, { kind: "note" }> => p.kind === "note" && p.html !== "")
            .map((p) => p.html)}
        />
      ) : (
        <>
          {parts.map((part, i) => {
            const key = `${part.kind}-${i}`;
            switch (part.kind) {
              case "html":
                return <Html key={key} html={part.html} className="learn-text" />;
              case "note":
                return (
                  <aside key={key} className="content-note small-note" aria-label="Content note">
                    <p>
                      <strong>Content note:</strong> {part.topics.join(", ")}
                    </p>
                    {part.html ? <Html html={part.html} /> : null}
                  </aside>
                );
              case "check":
                return <KnowledgeCheck key={key} part={part} state={state} />;
              case "reflection":
                return (
                  <Reflection key={key} part={part} state={state} saved={savedPrompt === part.id} preview={preview} />
                );
              case "scenario":
                return <Scenario key={key} part={part} />;
              case "takeaway":
                return (
                  <aside key={key} className="learn-block learn-takeaway" aria-label="Key takeaways">
                    <h2 className="block-heading">Key takeaways</h2>
                    <Html html={part.html} />
                  </aside>
                );
              case "signpost":
                return (
                  <aside key={key} className="learn-block learn-signpost" aria-label="Support you can reach">
                    <h2 className="block-heading">Support you can reach</h2>
                    {part.leadInHtml ? <Html html={part.leadInHtml} /> : null}
                    <SupportList resources={support} headingLevel={3} />
                  </aside>
                );
              case "story":
                return <Story key={key} part={part} />;
              case "selfCarePlan":
                return (
                  <SelfCarePlanBlock
                    key={key}
                    introHtml={part.introHtml}
                    plan={selfCarePlan}
                    state={state}
                    saved={planSaved}
                    at={parts.slice(0, i).filter((p) => p.kind === "selfCarePlan").length}
                    preview={preview}
                  />
                );
              default:
                return null;
            }
          })}
          <nav className="learn-pager" aria-label="Sections">
            {previousHref ? (
              <PageLink to={previousHref} className="button button-quiet">
                Previous
              </PageLink>
            ) : (
              <span />
            )}
            <PageForm method="post">
              <button type="submit" name="intent" value="next">
                {isLast ? "Finish" : "Next"}
              </button>
            </PageForm>
          </nav>
        </>
      )}
    </>
  );
}
