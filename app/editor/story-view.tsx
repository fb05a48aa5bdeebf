import { NodeViewContent, type NodeViewProps } from "@tiptap/react";
import { useId } from "react";
import { STORY_SCOPE_LABELS, STORY_SCOPES, WITHDRAWN_STORY } from "../../modules/documents/vocabulary";
import { BlockFrame, moverOf } from "./block-frame";
import { useStorytellers } from "./storytellers";
import { useEditable } from "./use-editable";

/**
 * A story in the editor: who told it, how they are credited, how far it may be shared and when to
 * ask them again, above the story's words. A story without a scope cannot be signed off or
 * published, and the form says so where the scope is chosen.
 */
export function StoryView(props: NodeViewProps) {
  const id = useId();
  const editable = useEditable(props.editor);
  const people = useStorytellers();
  const attrs = props.node.attrs;
  if (attrs.withdrawn) {
    return (
      <BlockFrame
        label="Story"
        className="story withdrawn"
        editable={editable}
        onRemove={props.deleteNode}
        onMove={moverOf(props)}
      >
        <p className="block-hint" contentEditable={false}>
          {WITHDRAWN_STORY}
        </p>
      </BlockFrame>
    );
  }
  const storyteller = String(attrs.storyteller ?? "");
  const known = people.some((p) => p.id === storyteller);
  const scope = String(attrs.scope ?? "");
  return (
    <BlockFrame
      label="Story"
      hint="A lived-experience account, shared by the person who lived it. Only they can withdraw it."
      className="story"
      editable={editable}
      onRemove={props.deleteNode}
      onMove={moverOf(props)}
    >
      <fieldset className="story-consent" contentEditable={false} disabled={!editable}>
        <legend>What the storyteller agreed</legend>
        <span className="field inline-field">
          <label htmlFor={`${id}-teller`}>Told by</label>
          <select
            id={`${id}-teller`}
            value={storyteller}
            onChange={(e) => props.updateAttributes({ storyteller: e.target.value })}
          >
            <option value="">Choose a member</option>
            {storyteller && !known ? <option value={storyteller}>A member no longer listed</option> : null}
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </span>
        <span className="field inline-field">
          <label htmlFor={`${id}-credit`}>Credit</label>
          <select
            id={`${id}-credit`}
            value={String(attrs.credit ?? "named")}
            onChange={(e) => props.updateAttributes({ credit: e.target.value })}
          >
            <option value="named">By their name</option>
            <option value="anonymous">Not named</option>
          </select>
        </span>
        <span className="field inline-field">
          <label htmlFor={`${id}-scope`}>May be shared</label>
          <select
            id={`${id}-scope`}
            value={scope}
            aria-invalid={scope ? undefined : true}
            aria-describedby={scope ? undefined : `${id}-scope-problem`}
            onChange={(e) => props.updateAttributes({ scope: e.target.value })}
          >
            <option value="">Choose what they agreed</option>
            {STORY_SCOPES.map((s) => (
              <option key={s} value={s}>
                {STORY_SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </span>
        <span className="field inline-field">
          <label htmlFor={`${id}-review`}>Ask them again on</label>
          <input
            id={`${id}-review`}
            type="date"
            value={String(attrs.reviewOn ?? "")}
            onChange={(e) => props.updateAttributes({ reviewOn: e.target.value })}
          />
        </span>
        {scope ? null : (
          <p className="error-message" id={`${id}-scope-problem`}>
            Choose how far the storyteller agreed this story may be shared: it cannot be signed off or published without
            it.
          </p>
        )}
      </fieldset>
      <NodeViewContent className="block-body" />
    </BlockFrame>
  );
}
