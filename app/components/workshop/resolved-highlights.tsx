import { useState } from "react";
import { useHydrated } from "~/lib/hydrated";

/** Thread ids are the server's own; anything else is never written into a stylesheet. */
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Resolved threads keep their mark in the shared text (so reopening one finds its words), but
 * their highlight is hidden unless the person asks to see it: settled discussions stay out of the
 * way of the writing.
 */
export function ResolvedHighlights({ threads }: { threads: { id: string; resolved: boolean }[] }) {
  const hydrated = useHydrated();
  const [show, setShow] = useState(false);
  const resolved = threads.filter((t) => t.resolved && SAFE_ID.test(t.id)).map((t) => t.id);
  if (resolved.length === 0) return null;
  const css = `${resolved.map((id) => `.editor-frame [data-thread="${id}"]`).join(",\n")} { text-decoration: none; }`;
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: built only from ids checked against SAFE_ID */}
      {show ? null : <style dangerouslySetInnerHTML={{ __html: css }} />}
      {hydrated ? (
        <label className="checkbox inline resolved-toggle">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          Show resolved comments in the text
        </label>
      ) : null}
    </>
  );
}
