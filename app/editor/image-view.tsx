import { type NodeViewProps, NodeViewWrapper } from "@tiptap/react";
import { type FormEvent, useId, useState } from "react";
import { imageAttributes, MAX_ALT_LENGTH } from "../../modules/documents/blocks/image";
import { useEditable } from "./use-editable";

const NO_ALT = "Say what the image shows, or tick that it is decorative.";

type ImageAttrs = { imageId: string; alt: string; decorative: boolean; width: number; height: number };

/**
 * An image in the editor, with what it says to someone who cannot see it shown under it and
 * changeable there: alt text is written once in the upload dialog, but a better description often
 * comes up later in the conversation.
 */
export function ImageView(props: NodeViewProps) {
  const attrs = props.node.attrs as ImageAttrs;
  const img = imageAttributes(attrs);
  const editable = useEditable(props.editor);
  const [open, setOpen] = useState(false);
  return (
    <NodeViewWrapper
      as="figure"
      data-type="image"
      className="block image"
      data-decorative={attrs.decorative ? "true" : undefined}
    >
      <img
        src={img.src}
        srcSet={img.srcset}
        sizes={img.sizes}
        width={img.width}
        height={img.height}
        alt={img.alt}
        loading="lazy"
        decoding="async"
        data-image-id={img["data-image-id"]}
        data-drag-handle=""
      />
      <figcaption className="image-alt" contentEditable={false}>
        {open ? (
          <AltForm
            attrs={attrs}
            onSave={(next) => {
              props.updateAttributes(next);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <>
            <span className="muted">
              {attrs.decorative ? "Decorative: screen readers pass over it." : `Alt text: “${attrs.alt}”`}
            </span>
            {editable ? (
              <button type="button" className="button-quiet small" onClick={() => setOpen(true)}>
                Change alt text
              </button>
            ) : null}
          </>
        )}
      </figcaption>
    </NodeViewWrapper>
  );
}

function AltForm({
  attrs,
  onSave,
  onCancel,
}: {
  attrs: ImageAttrs;
  onSave: (next: { alt: string; decorative: boolean }) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [alt, setAlt] = useState(attrs.alt);
  const [decorative, setDecorative] = useState(attrs.decorative);
  const [error, setError] = useState<string | null>(null);
  // No <form>: the editor may sit inside the page's own forms, and forms do not nest.
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!decorative && alt.trim() === "") {
      setError(NO_ALT);
      return;
    }
    onSave({ alt: decorative ? "" : alt.trim(), decorative });
  };
  return (
    <fieldset className="image-alt-form">
      <legend className="block-label">Describe this image</legend>
      <div className={error ? "field field-error" : "field"}>
        <label htmlFor={`${id}-alt`}>Alt text: what the image shows</label>
        {error ? (
          <p className="error-message" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
        <textarea
          id={`${id}-alt`}
          rows={2}
          maxLength={MAX_ALT_LENGTH}
          value={alt}
          disabled={decorative}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setAlt(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />
        <span>This image is decorative: it adds nothing a learner would miss</span>
      </label>
      <div className="actions">
        <button type="button" onClick={save}>
          Save alt text
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
