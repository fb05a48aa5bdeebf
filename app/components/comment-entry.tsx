import type { ReactNode } from "react";
import { formatDateTime } from "./layout";

export type Comment = {
  id: string;
  authorName: string;
  mine: boolean;
  body: string | null;
  hidden: { by: string; reason: string } | null;
  createdAt: string | Date;
  unread: boolean;
  mentionsMe: boolean;
};

/**
 * What people may write after "@": each full name, and a first name when only one person has it
 * (the same handles the server counts as mentions, so "@Jordan" stands out as well as "@Jordan Lee").
 */
function mentionHandles(names: string[]): string[] {
  const firstOf = (name: string) => name.split(/\s+/)[0] ?? name;
  const uses = new Map<string, number>();
  for (const name of names) uses.set(firstOf(name).toLowerCase(), (uses.get(firstOf(name).toLowerCase()) ?? 0) + 1);
  const firsts = names.map(firstOf).filter((first, i) => first !== names[i] && uses.get(first.toLowerCase()) === 1);
  return [...names, ...firsts];
}

/** Mentions ("@Jordan Lee", "@Jordan") stand out in a comment, so people notice when they are asked. */
function withMentions(body: string, names: string[]): ReactNode[] {
  if (names.length === 0) return [body];
  const escaped = mentionHandles(names)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(@(?:${escaped.join("|")}))(?![\\p{L}\\p{N}])`, "giu");
  let offset = 0;
  return body.split(pattern).map((part, i) => {
    const at = offset;
    offset += part.length;
    return i % 2 === 1 ? (
      <strong key={`mention-${at}`} className="mention">
        {part}
      </strong>
    ) : (
      part
    );
  });
}

/**
 * One comment or reply as every thread shows it: who and when, whether it is new or mentions the
 * reader, and its words (or who hid it and why). What a moderator may do with it comes as children.
 */
export function CommentEntry({
  comment: c,
  names = [],
  children,
}: {
  comment: Comment;
  names?: string[];
  children?: ReactNode;
}) {
  return (
    <li className={c.unread ? "comment comment-unread" : "comment"}>
      <p className="comment-meta">
        <strong>{c.mine ? "You" : c.authorName}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
        {c.unread ? <span className="visually-hidden"> (new)</span> : null}
        {c.mentionsMe ? <span className="badge badge-accent">Mentions you</span> : null}
      </p>
      {c.hidden ? (
        <p className="comment-hidden">
          Hidden by {c.hidden.by}: {c.hidden.reason}
        </p>
      ) : (
        <p className="comment-body">{withMentions(c.body ?? "", names)}</p>
      )}
      {children}
    </li>
  );
}
