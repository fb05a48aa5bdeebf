import styles from "../styles/app.css";
import { QUICK_EXIT_HINT, QUICK_EXIT_URL, quickExitScript } from "./quick-exit";

/** A refusal as a page for a browser, or as a plain-text sentence for anything else. */
export function refusalAnswer(
  request: Request,
  status: number,
  text: { title: string; message: string },
  nonce: string,
) {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (!(request.headers.get("Accept") ?? "").includes("text/html")) {
    return new Response(`${text.title}\n\n${text.message}\n`, {
      status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(errorPage(text, nonce), {
    status,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The root error page's content in the app's shell, written out: this answer never reaches Remix's
 * renderer. Support and the quick exit (with its Escape shortcut) are there as on every page; the
 * navigation of a full page is left out.
 */
function errorPage({ title, message }: { title: string; message: string }, nonce: string) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Alongside</title>
<link rel="stylesheet" href="${escapeHtml(styles)}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a href="#main" class="skip-link">Skip to main content</a>
<header class="site-header">
<div class="header-inner">
<a href="/" class="brand">Alongside</a>
<div class="header-tools"><a href="/support" class="support-link">Support now</a>
<a href="${escapeHtml(QUICK_EXIT_URL)}" class="quick-exit" data-quick-exit="" rel="noreferrer" aria-describedby="quick-exit-hint">Quick exit</a>
<span id="quick-exit-hint" class="visually-hidden">${escapeHtml(QUICK_EXIT_HINT)}</span></div>
</div>
</header>
<main id="main" tabindex="-1">
<div class="narrow">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Go to your start page</a> or <a href="/support">see support you can reach now</a>.</p>
</div>
</main>
<footer class="site-footer"><p>Alongside: training made with peer supporters, for peer supporters. <a href="/support">Support is always here</a>.</p></footer>
<script nonce="${escapeHtml(nonce)}">${quickExitScript}</script>
</body>
</html>
`;
}
