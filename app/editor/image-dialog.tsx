import type { Editor } from "@tiptap/react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { MAX_ALT_LENGTH } from "../../modules/documents/blocks/image";
import { MAX_IMAGE_BYTES } from "../../modules/images/limits";

type Answer = { ok: true; image: { id: string; width: number; height: number } } | { ok: false; message: string };

const TOO_BIG = `That image is larger than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB. Save a smaller copy and try again.`;
const NO_FILE = "Choose a picture file (PNG, JPEG, WebP or GIF) to upload.";
const NO_ALT = "Say what the image shows, or tick that it is decorative.";
const FAILED = "The image could not be uploaded. Check your connection and try again.";

async function upload(moduleId: string, file: File): Promise<Answer> {
  const form = new FormData();
  form.append("file", file);
  try {
    const response = await fetch(`/workshop/${moduleId}/images`, { method: "POST", body: form });
    if (response.headers.get("Content-Type")?.includes("application/json")) return (await response.json()) as Answer;
    const text = (await response.text()).trim();
    return { ok: false, message: response.status === 413 && text ? text : FAILED };
  } catch {
    return { ok: false, message: FAILED };
  }
}

/**
 * Adding an image: the file (chosen here, or pasted or dropped into the text), and what it shows.
 * Alt text is asked for every time, and an image goes in only with it or with a tick that it is
 * decorative; nothing typed is lost when the upload is refused.
 */
export function ImageDialog({
  editor,
  moduleId,
  initialFile,
  onClose,
}: {
  editor: Editor;
  moduleId: string;
  initialFile: File | null;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<File | null>(initialFile);
  const [alt, setAlt] = useState("");
  const [decorative, setDecorative] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      file: !file ? NO_FILE : file.size > MAX_IMAGE_BYTES ? TOO_BIG : undefined,
      alt: !decorative && alt.trim() === "" ? NO_ALT : undefined,
    };
    setErrors(found);
    if (!file || found.file || found.alt) return;
    setBusy(true);
    const answer = await upload(moduleId, file);
    setBusy(false);
    if (!answer.ok) {
      setErrors({ file: answer.message });
      return;
    }
    const { id: imageId, width, height } = answer.image;
    editor
      .chain()
      .focus()
      .insertContent({
        type: "image",
        attrs: { imageId, width, height, alt: decorative ? "" : alt.trim(), decorative },
      })
      .run();
    dialog.current?.close();
  };

  const fileHint = `${id}-file-hint`;
  const altHint = `${id}-alt-hint`;
  return (
    <dialog
      ref={dialog}
      className="editor-dialog image-dialog"
      aria-labelledby={`${id}-title`}
      onClose={() => {
        onClose();
        editor.commands.focus();
      }}
    >
      <h2 id={`${id}-title`}>Add an image</h2>
      <form onSubmit={submit} noValidate>
        <div className={errors.file ? "field field-error" : "field"}>
          <label htmlFor={`${id}-file`}>Image file</label>
          <p className="hint" id={fileHint}>
            {file && initialFile === file ? `“${file.name}”, from what you pasted or dropped. ` : ""}
            PNG, JPEG, WebP or GIF, up to 5 MB. Where and when a photo was taken is removed.
          </p>
          {errors.file ? (
            <p className="error-message" id={`${id}-file-error`} role="alert">
              {errors.file}
            </p>
          ) : null}
          <input
            id={`${id}-file`}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-describedby={errors.file ? `${fileHint} ${id}-file-error` : fileHint}
            aria-invalid={errors.file ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? initialFile)}
          />
        </div>
        <div className={errors.alt ? "field field-error" : "field"}>
          <label htmlFor={`${id}-alt`}>Alt text: what the image shows</label>
          <p className="hint" id={altHint}>
            A sentence for someone who cannot see it, such as “Two people talking on a park bench”.
          </p>
          {errors.alt ? (
            <p className="error-message" id={`${id}-alt-error`} role="alert">
              {errors.alt}
            </p>
          ) : null}
          <textarea
            id={`${id}-alt`}
            rows={2}
            maxLength={MAX_ALT_LENGTH}
            value={alt}
            disabled={decorative}
            aria-describedby={errors.alt ? `${altHint} ${id}-alt-error` : altHint}
            aria-invalid={errors.alt ? true : undefined}
            onChange={(e) => setAlt(e.target.value)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />
          <span>This image is decorative: it adds nothing a learner would miss</span>
        </label>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Uploading…" : "Add image"}
          </button>
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
