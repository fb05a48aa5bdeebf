import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { PLAIN_READING_AGE, readingAge } from "../../modules/content/readability";
import { SECTION_HEADING_LEVEL } from "../../modules/documents/vocabulary";
import { type WritingHint, writingHints } from "../../modules/documents/writing-hints";
import { WritingHintsList } from "../components/workshop/writing-hints-list";

/** Where a section's content goes: just after its heading, or at the very start for the introduction. */
function sectionStart(editor: Editor, heading: number | null): number {
  if (heading === null) return 0;
  let seen = -1;
  let at = 0;
  let found: number | null = null;
  editor.state.doc.forEach((node, offset) => {
    if (found !== null) return;
    if (node.type.name === "heading" && node.attrs.level === SECTION_HEADING_LEVEL) {
      seen += 1;
      if (seen === heading) found = offset + node.nodeSize;
    }
    at = offset + node.nodeSize;
  });
  return found ?? at;
}

type Reading = { hints: WritingHint[]; age: number };

function read(editor: Editor, graphicWords: readonly string[]): Reading {
  const doc = editor.getJSON();
  return { hints: writingHints(doc, { graphicWords }), age: readingAge(doc) };
}

/**
 * The gentle writing checks, kept current as people type (read a moment after typing stops, so
 * long modules stay quick). Folded away by default: a count is enough until someone looks.
 */
export function WritingHintsPanel({
  editor,
  graphicWords,
  canEdit,
}: {
  editor: Editor;
  graphicWords: readonly string[];
  canEdit: boolean;
}) {
  const [reading, setReading] = useState<Reading>(() => read(editor, graphicWords));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setReading(read(editor, graphicWords)), 400);
    };
    update();
    editor.on("update", update);
    return () => {
      clearTimeout(timer);
      editor.off("update", update);
    };
  }, [editor, graphicWords]);

  const addNote = (hint: WritingHint) => {
    const at = sectionStart(editor, hint.heading);
    editor
      .chain()
      .focus()
      .insertContentAt(at, { type: "contentNote", attrs: { topics: hint.topic ? [hint.topic] : [], customTopic: "" } })
      .command(({ tr }) => {
        tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(at + 1, tr.doc.content.size)), 1));
        tr.scrollIntoView();
        return true;
      })
      .run();
  };

  const { hints, age } = reading;
  const count = hints.length === 1 ? "1 hint" : `${hints.length} hints`;
  return (
    <details className="writing-hints-panel">
      <summary>
        Writing hints: {count}, reading age about {age}
        {age > PLAIN_READING_AGE ? ` (aim for ${PLAIN_READING_AGE} or under)` : ""}
      </summary>
      <p className="muted">Hints never stop anyone saving or publishing. The Review page lists them too.</p>
      <WritingHintsList hints={hints} onAddNote={canEdit ? addNote : undefined} />
    </details>
  );
}
