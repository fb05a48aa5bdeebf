/**
 * The package's one style sheet, taken from the app's calm styles (app/styles/app.css): the same soft
 * neutrals, one teal accent, no alarm colours, contrast at WCAG 2.2 AA, readable at 390 px. It is its
 * own copy because a package must open with nothing of the app behind it.
 */
export const PACKAGE_CSS = `:root {
  --bg: #f7f6f2; --surface: #ffffff; --ink: #1f2a30; --ink-soft: #45535b; --line: #d5d9d6;
  --accent: #0f6e6a; --accent-ink: #ffffff; --accent-soft: #e3f1ef; --focus: #b35900;
  --note: #fff7e0; --note-line: #b58a1b; --radius: 8px; --measure: 42rem;
  color-scheme: light;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.55; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
html { scroll-padding-top: 3.5rem; }
body { margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
main:focus, section:focus { outline: none; }
h1, h2, h3 { line-height: 1.25; margin: 1.5rem 0 0.75rem; }
h1 { font-size: 1.9rem; margin-top: 0.5rem; }
h2 { font-size: 1.4rem; }
h3 { font-size: 1.15rem; }
p, li { max-width: var(--measure); }
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--surface); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; }
.site-header { background: var(--surface); border-bottom: 1px solid var(--line); }
.header-inner { max-width: 48rem; margin: 0 auto; padding: 0.6rem 8.5rem 0.6rem 1rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.brand { font-weight: 700; color: var(--ink); }
.support-link { display: inline-block; padding: 0.35rem 0.8rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-weight: 600; text-decoration: none; border: 1px solid var(--accent); }
.quick-exit { position: fixed; top: 0.5rem; right: 0.5rem; z-index: 100; display: inline-block; padding: 0.35rem 0.8rem; border-radius: 999px; background: var(--ink); color: #fff; font-weight: 600; text-decoration: none; box-shadow: 0 0 0 2px var(--surface); }
.muted, .hint { color: var(--ink-soft); }
.notice { border-left: 5px solid var(--accent); background: var(--accent-soft); padding: 0.75rem 1rem; border-radius: var(--radius); margin: 1rem 0; }
.content-note { border-left: 5px solid var(--note-line); background: var(--note); padding: 0.75rem 1rem; border-radius: var(--radius); margin: 1rem 0; }
.card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; margin-bottom: 1rem; }
.card > h3:first-child { margin-top: 0.25rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
button, .button { font: inherit; display: inline-block; min-height: 2.5rem; padding: 0.45rem 1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: var(--accent-ink); font-weight: 600; cursor: pointer; text-decoration: none; line-height: 1.4; }
.button-secondary { background: var(--surface); color: var(--accent); }
.button-quiet { background: transparent; color: var(--ink); border-color: var(--line); }
.learn-text p, .learn-text li { font-size: 1.08rem; }
.learn-block { background: var(--surface); border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: var(--radius); padding: 0.75rem 1.25rem; margin: 1.25rem 0; }
.block-heading { margin-top: 0.25rem; font-size: 1rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ink-soft); }
.learn-reflection { border-left-color: #5b3d99; }
.learn-self-care { border-left-color: #2d6a4f; }
.learn-scenario { border-left-color: #1d5f8a; }
.learn-takeaway { border-left-color: #0b6e4f; }
.learn-signpost { border-left-color: #8a2a5c; }
.learn-story { border-left-color: #7a5a12; margin-left: 0; margin-right: 0; }
.learn-story figcaption { color: var(--ink-soft); font-style: italic; }
.learn-check fieldset { border: 0; padding: 0; margin: 0 0 0.75rem; }
.learn-check legend { font-size: 1.08rem; margin-bottom: 0.5rem; }
.choice { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.35rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; accent-color: var(--accent); }
.check-feedback { margin-top: 0.75rem; border-top: 1px solid var(--line); }
.feedback-choice { font-weight: 600; }
.scenario-response { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.scenario-response summary { cursor: pointer; font-weight: 600; }
textarea { font: inherit; width: 100%; max-width: var(--measure); padding: 0.5rem; border: 2px solid var(--ink-soft); border-radius: 6px; }
.support-list, .support-ways { list-style: none; padding: 0; }
.support-ways li { margin: 0.2rem 0; }
.learn-pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.75rem; margin: 2rem 0 1rem; border-top: 1px solid var(--line); padding-top: 1rem; }
.section-list li { margin: 0.25rem 0; }
blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid var(--accent); background: var(--accent-soft); }
[hidden] { display: none !important; }
@media print { .quick-exit { display: none; } }
`;
