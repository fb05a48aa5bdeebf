/** Text for HTML content and attribute values. Module content itself arrives as HTML rendered by the domain. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A neutral page to leave to in a hurry: the same one as the app's quick exit. */
export const QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

/**
 * A section's HTML without its links to pages of Alongside (`href="/…"`), which the learning system
 * that opens the package cannot reach: the words stay, as text. The HTML is the domain's own
 * rendering, whose links are plain `<a …>words</a>`.
 */
export function withoutSiteLinks(html: string): string {
  return html.replace(/<a\b[^>]*\shref="\/(?![/\\])[^"]*"[^>]*>([\s\S]*?)<\/a>/g, "$1");
}
