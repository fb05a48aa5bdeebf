import type { Editor } from "@tiptap/core";
import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether the editor takes changes now. Node views render their controls from this, so they follow
 * the editor when it becomes read-only mid-session (a change of role, a lost connection), not only
 * when their own node changes. Tiptap reports `setEditable` as an "update".
 */
export function useEditable(editor: Editor): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      editor.on("update", changed);
      return () => {
        editor.off("update", changed);
      };
    },
    [editor],
  );
  const read = () => editor.isEditable;
  return useSyncExternalStore(subscribe, read, read);
}
