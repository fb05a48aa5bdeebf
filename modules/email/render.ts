import { type EmailKind, KIND_FACTS } from "./kinds";
import { layOut, type Rendered } from "./layout";
import { TEMPLATES } from "./templates";
import { unsubscribeToken } from "./unsubscribe-tokens";

export type Links = { origin: string; secret: string };

/** The unsubscribe address of a message, or null for a kind the person needs for their account. */
export function unsubscribeUrl(links: Links, kind: EmailKind, address: string): string | null {
  if (KIND_FACTS[kind].essential) return null;
  return `${links.origin}/unsubscribe/${unsubscribeToken(links.secret, address, kind)}`;
}

/**
 * A message as it is sent, made from its kind and stored facts. For someone other than the recipient
 * (an admin reading the outgoing list), `forOthers` leaves out a private link, saying so, and the
 * unsubscribe link.
 */
export function renderMessage(
  message: { kind: EmailKind; toAddress: string; params: Record<string, string> },
  links: Links,
  options: { forOthers?: boolean } = {},
): Rendered & { unsubscribeUrl: string | null } {
  const content = TEMPLATES[message.kind](message.params);
  const hide = options.forOthers === true && KIND_FACTS[message.kind].privateLink;
  const unsubscribe = unsubscribeUrl(links, message.kind, message.toAddress);
  const rendered = layOut(content, {
    actionUrl: content.action && !hide ? `${links.origin}${content.action.path}` : null,
    hiddenAction: "[A private link for the recipient alone is here. It is not shown to anyone else.]",
    // Someone else's unsubscribe link would let the reader turn their email off for them.
    unsubscribeUrl: options.forOthers ? null : unsubscribe,
    origin: links.origin,
  });
  return { ...rendered, unsubscribeUrl: unsubscribe };
}
