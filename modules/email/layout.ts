import type { Content } from "./templates";

export type Rendered = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An address shown as words where a link cannot be followed: a reader may copy it. */
const FALLBACK = "If the link does not open, copy this address into your browser:";

/**
 * A message as plain text and as accessible HTML: the language set, one real heading, links whose
 * words say where they go, and no tables for layout. `actionUrl` null hides the link (it is private).
 */
export function layOut(
  content: Content,
  options: { actionUrl: string | null; hiddenAction?: string; unsubscribeUrl: string | null; origin?: string },
): Rendered {
  const { actionUrl, unsubscribeUrl } = options;
  const action = content.action;
  const items = (content.items ?? []).map((item) => ({ ...item, url: `${options.origin ?? ""}${item.path}` }));
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...items.flatMap((item) => [`- ${item.text}`, `  ${item.label}: ${item.url}`, ""]),
    ...(action && actionUrl ? [`${action.label}: ${actionUrl}`, ""] : []),
    ...(action && !actionUrl && options.hiddenAction ? [options.hiddenAction, ""] : []),
    ...content.closing.flatMap((p) => [p, ""]),
    "Alongside",
    ...(unsubscribeUrl ? ["", `To stop getting emails like this one: ${unsubscribeUrl}`] : []),
  ].join("\n");
  const paragraph = (p: string) => `<p>${escapeHtml(p)}</p>`;
  const html = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title>`,
    "</head>",
    '<body style="margin:0;padding:16px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff">',
    '<main style="max-width:36em;margin:0 auto">',
    `<h1 style="font-size:1.4em;line-height:1.3">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map(paragraph),
    ...(items.length > 0
      ? [
          "<ul>",
          ...items.map(
            (item) =>
              `<li>${escapeHtml(item.text)} <a href="${escapeHtml(item.url)}" style="color:#0b5394">${escapeHtml(item.label)}</a></li>`,
          ),
          "</ul>",
        ]
      : []),
    ...(action && actionUrl
      ? [
          `<p><a href="${escapeHtml(actionUrl)}" style="color:#0b5394;font-weight:bold">${escapeHtml(action.label)}</a></p>`,
          `<p style="font-size:0.9em">${escapeHtml(FALLBACK)} ${escapeHtml(actionUrl)}</p>`,
        ]
      : []),
    ...(action && !actionUrl && options.hiddenAction ? [paragraph(options.hiddenAction)] : []),
    ...content.closing.map(paragraph),
    "<p>Alongside</p>",
    ...(unsubscribeUrl
      ? [
          `<p style="font-size:0.9em"><a href="${escapeHtml(unsubscribeUrl)}" style="color:#0b5394">Stop getting emails like this one</a></p>`,
        ]
      : []),
    "</main>",
    "</body>",
    "</html>",
  ].join("\n");
  return { subject: content.subject, text, html };
}
