import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from "@tiptap/react";
import { useId } from "react";
import { newCheckOption, newScenarioResponse } from "../../modules/documents/templates";
import {
  CHECK_OPTIONS,
  CONTENT_NOTE_LABELS,
  CONTENT_NOTE_TOPICS,
  type ContentNoteTopic,
  SCENARIO_RESPONSES,
} from "../../modules/documents/vocabulary";
import { BlockFrame, MoveControls, moverOf } from "./block-frame";
import { useEditable } from "./use-editable";

/** Inserts a child at the end of a container node (a new option, a new response). */
function appendChild(props: NodeViewProps, child: object) {
  const pos = props.getPos();
  if (typeof pos !== "number") return;
  props.editor
    .chain()
    .insertContentAt(pos + props.node.nodeSize - 1, child)
    .run();
}

/** The number of siblings (including this node) right now, read at click time rather than render time. */
function siblingCount(props: NodeViewProps): number {
  const pos = props.getPos();
  return typeof pos === "number" ? props.editor.state.doc.resolve(pos).parent.childCount : 0;
}

/** Deletes a child only while its container keeps its minimum (question + at least `min` answers). */
function removeChild(props: NodeViewProps, min: number) {
  if (siblingCount(props) - 1 > min) props.deleteNode();
}

function countChildren(props: NodeViewProps, type: string) {
  let n = 0;
  props.node.forEach((child) => {
    if (child.type.name === type) n += 1;
  });
  return n;
}

export function ContentNoteView(props: NodeViewProps) {
  const id = useId();
  const topics = (props.node.attrs.topics as string[]) ?? [];
  const editable = useEditable(props.editor);
  const toggle = (topic: ContentNoteTopic, on: boolean) =>
    props.updateAttributes({ topics: on ? [...topics, topic] : topics.filter((t) => t !== topic) });
  return (
    <NodeViewWrapper as="section" className="block content-note" aria-label="Content note">
      <div className="block-bar" contentEditable={false}>
        <span className="block-label">Content note</span>
        <span className="block-hint">Learners see this first and may skip the section for now.</span>
        {editable ? (
          <span className="block-tools">
            <MoveControls label="Content note" onMove={moverOf(props)} />
            <button type="button" className="button-quiet small" onClick={props.deleteNode}>
              Remove<span className="visually-hidden"> content note</span>
            </button>
          </span>
        ) : null}
      </div>
      <fieldset className="topic-picker" contentEditable={false} disabled={!editable}>
        <legend>This section talks about</legend>
        {CONTENT_NOTE_TOPICS.map((topic) => (
          <label key={topic} className="checkbox inline">
            <input type="checkbox" checked={topics.includes(topic)} onChange={(e) => toggle(topic, e.target.checked)} />
            {CONTENT_NOTE_LABELS[topic]}
          </label>
        ))}
        {topics.includes("custom") ? (
          <span className="field inline-field">
            <label htmlFor={`${id}-custom`}>Other topic</label>
            <input
              id={`${id}-custom`}
              type="text"
              maxLength={60}
              value={String(props.node.attrs.customTopic ?? "")}
              onChange={(e) => props.updateAttributes({ customTopic: e.target.value })}
            />
          </span>
        ) : null}
      </fieldset>
      <NodeViewContent className="block-body" />
    </NodeViewWrapper>
  );
}

export function ReflectionPromptView(props: NodeViewProps) {
  const editable = useEditable(props.editor);
  return (
    <BlockFrame
      label="Reflection prompt"
      hint="Learners answer privately, in their own journal."
      className="reflection-prompt"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
    >
      <NodeViewContent className="block-body" />
    </BlockFrame>
  );
}

export function KnowledgeCheckView(props: NodeViewProps) {
  const id = useId();
  const options = countChildren(props, "checkOption");
  const multiple = Boolean(props.node.attrs.multiple);
  const editable = useEditable(props.editor);
  return (
    <BlockFrame
      label="Knowledge check"
      className="knowledge-check"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
      controls={
        <>
          <label className="inline-select" htmlFor={`${id}-mode`}>
            Answers
            <select
              id={`${id}-mode`}
              value={multiple ? "multiple" : "single"}
              onChange={(e) => props.updateAttributes({ multiple: e.target.value === "multiple" })}
            >
              <option value="single">One correct answer</option>
              <option value="multiple">Several correct answers</option>
            </select>
          </label>
          <button
            type="button"
            className="button-quiet small"
            disabled={options >= CHECK_OPTIONS.max}
            onClick={() => appendChild(props, newCheckOption())}
          >
            Add answer
          </button>
        </>
      }
    />
  );
}

export function CheckOptionView(props: NodeViewProps) {
  const editable = useEditable(props.editor);
  const correct = Boolean(props.node.attrs.correct);
  const pos = props.getPos();
  const parent = typeof pos === "number" ? props.editor.state.doc.resolve(pos).parent : null;
  const siblings = parent?.childCount ? parent.childCount - 1 : 0;
  const single = parent ? !parent.attrs.multiple : true;

  const setCorrect = (value: boolean) => {
    if (typeof pos !== "number") return;
    // With one correct answer, marking this one clears the others in the same change.
    props.editor
      .chain()
      .command(({ tr, state }) => {
        const $pos = state.doc.resolve(pos);
        const checkStart = $pos.start();
        $pos.parent.forEach((child, offset) => {
          if (child.type.name !== "checkOption") return;
          const childPos = checkStart + offset;
          const isThis = childPos === pos;
          const next = isThis ? value : single && value ? false : child.attrs.correct;
          if (next !== child.attrs.correct) tr.setNodeAttribute(childPos, "correct", next);
        });
        return true;
      })
      .run();
  };

  return (
    <NodeViewWrapper className={correct ? "check-option correct" : "check-option"}>
      <div className="option-bar" contentEditable={false}>
        <label className="checkbox inline">
          <input
            type="checkbox"
            checked={correct}
            disabled={!editable}
            onChange={(e) => setCorrect(e.target.checked)}
          />
          Correct answer
        </label>
        {editable ? (
          <button
            type="button"
            className="button-quiet small"
            disabled={siblings <= CHECK_OPTIONS.min}
            onClick={() => removeChild(props, CHECK_OPTIONS.min)}
          >
            Remove answer
          </button>
        ) : null}
      </div>
      <NodeViewContent className="option-body" />
    </NodeViewWrapper>
  );
}

export function ScenarioView(props: NodeViewProps) {
  const responses = countChildren(props, "scenarioResponse");
  const editable = useEditable(props.editor);
  return (
    <BlockFrame
      label="Scenario"
      hint="A situation from the role, and ways to respond."
      className="scenario"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
      controls={
        <button
          type="button"
          className="button-quiet small"
          disabled={responses >= SCENARIO_RESPONSES.max}
          onClick={() => appendChild(props, newScenarioResponse())}
        >
          Add response
        </button>
      }
    />
  );
}

export function ScenarioResponseView(props: NodeViewProps) {
  const pos = props.getPos();
  const parent = typeof pos === "number" ? props.editor.state.doc.resolve(pos).parent : null;
  const siblings = parent?.childCount ? parent.childCount - 1 : 0;
  const editable = useEditable(props.editor);
  return (
    <NodeViewWrapper className="scenario-response">
      {editable ? (
        <div className="option-bar" contentEditable={false}>
          <button
            type="button"
            className="button-quiet small"
            disabled={siblings <= SCENARIO_RESPONSES.min}
            onClick={() => removeChild(props, SCENARIO_RESPONSES.min)}
          >
            Remove response
          </button>
        </div>
      ) : null}
      <NodeViewContent className="option-body" />
    </NodeViewWrapper>
  );
}

export function KeyTakeawayView(props: NodeViewProps) {
  const editable = useEditable(props.editor);
  return (
    <BlockFrame
      label="Key takeaway"
      className="key-takeaway"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
    />
  );
}

export function SelfCarePlanView(props: NodeViewProps) {
  const editable = useEditable(props.editor);
  return (
    <BlockFrame
      label="Self-care plan"
      hint="Learners write their own self-care plan here, privately in their journal: the signs they are struggling, what helps, who they can contact and the boundaries they keep. Add a short intro if you like."
      className="self-care-plan"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
    >
      <NodeViewContent className="block-body" />
    </BlockFrame>
  );
}

export function SupportSignpostView(props: NodeViewProps) {
  const editable = useEditable(props.editor);
  return (
    <BlockFrame
      label="Support signpost"
      hint="Learners see your organisation's support resources here. Add a short lead-in if you like."
      className="support-signpost"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
    >
      <NodeViewContent className="block-body" />
    </BlockFrame>
  );
}
