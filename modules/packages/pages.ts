import { WITHDRAWN_STORY } from "../documents/vocabulary";
import type { CheckOption } from "../learning/player";
import type { ShownPart as Part } from "../learning/stories";
import { PLAN_PARTS } from "../self-care/index";
import type { PackageCourse, PackageModule, PackageSection, PackageSupport } from "./course-to-export";
import { esc, QUICK_EXIT_URL, withoutSiteLinks } from "./html";

/**
 * The static pages of a package, for any way of tracking it (SCORM 1.2 now): a page per module holding
 * every section as plain HTML, readable with no script and no learning system, and a course page
 * linking the modules. A tracking runtime adds one-section-at-a-time, the content-note gate's choices
 * and knowledge-check feedback on top; what it reports is its own business, never the page's.
 */

export type PageAssets = {
  /** Paths from the package root. */
  css: string;
  scripts: string[];
  /** Keys the learner's own notes on this device, so two packages never share them. */
  packageId: string;
  reportScore: boolean;
};

const up = (path: string) => `../${path}`;

function shell(input: { title: string; course: string; body: string; css: string; scripts: string[]; main: string }) {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<link rel="stylesheet" href="${esc(input.css)}">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<a class="quick-exit" href="${QUICK_EXIT_URL}" target="_top" rel="noreferrer" data-quick-exit>Quick exit</a>
<header class="site-header">
<div class="header-inner">
<span class="brand">${esc(input.course)}</span>
<a class="support-link" href="#support-now">Support now</a>
</div>
</header>
<main id="main" tabindex="-1"${input.main}>
${input.body}
</main>
<footer class="muted"><p class="header-inner">Quick exit leaves at once: press Escape twice to do the same.</p></footer>
${input.scripts.map((s) => `<script src="${esc(s)}"></script>`).join("\n")}
</body>
</html>
`;
}

function telHref(phone: string) {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}

/** Support as people need it in a hard moment: what it is, and one tap to reach it (as the app's list). */
export function supportList(resources: readonly PackageSupport[], headingLevel: 3 | 4): string {
  const h = `h${headingLevel}`;
  const items = resources.map((r) => {
    const ways = [
      r.phone ? `<li>Call <a href="${esc(telHref(r.phone))}">${esc(r.phone)}</a></li>` : "",
      r.sms ? `<li>${esc(r.sms)}</li>` : "",
      r.web
        ? `<li><a href="${esc(r.web)}" rel="noreferrer" target="_blank">${esc(r.web.replace(/^https?:\/\//, ""))}<span class="visually-hidden"> (opens in a new tab)</span></a></li>`
        : "",
      r.hours ? `<li>Open: ${esc(r.hours)}</li>` : "",
    ].join("");
    return `<li class="card"><${h}>${esc(r.name)}</${h}><p>${esc(r.purpose)}</p><ul class="support-ways">${ways}</ul></li>`;
  });
  return `<ul class="support-list">${items.join("")}</ul>`;
}

function supportNow(course: PackageCourse): string {
  const fallback = course.support.nationalDefaults
    ? `<p class="content-note">Your organisation had not listed its own support when this package was made, so these are the national services anyone in the UK can reach.</p>`
    : "";
  return `<section id="support-now" class="support-now" aria-labelledby="support-now-title" tabindex="-1">
<h2 id="support-now-title">Support now</h2>
<p>If anything here brings up something hard, you can stop at any time. These people can help:</p>
${fallback}${supportList(course.support.resources, 3)}
</section>`;
}

function checkPart(part: Extract<Part, { kind: "check" }>): string {
  const type = part.multiple ? "checkbox" : "radio";
  const id = `check-${esc(part.id)}`;
  const option = (o: CheckOption) =>
    `<div class="choice"><input type="${type}" id="${id}-${esc(o.id)}" name="${id}" value="${esc(o.id)}"${o.correct ? " data-correct" : ""}><label for="${id}-${esc(o.id)}">${o.html}</label></div>`;
  const feedback = part.options
    .map(
      (o) =>
        `<p data-feedback-for="${esc(o.id)}" hidden><span class="feedback-choice">${o.html}</span>: ${o.feedbackHtml}</p>`,
    )
    .join("");
  // Without a script nothing can check the answer, so the answers are there to open and compare.
  const answers = part.options
    .map(
      (o) =>
        `<li><span class="feedback-choice">${o.html}</span> (${o.correct ? "right" : "not right"}): ${o.feedbackHtml}</li>`,
    )
    .join("");
  return `<section class="learn-block learn-check" id="${id}" data-check="${esc(part.id)}" aria-labelledby="${id}-q">
<h3 class="block-heading">Check your understanding</h3>
<fieldset>
<legend id="${id}-q">${part.questionHtml}${part.multiple ? `<span class="hint"> Choose all that apply.</span>` : ""}</legend>
${part.options.map(option).join("\n")}
</fieldset>
<div class="actions" data-js-only hidden><button type="button" class="button-secondary" data-check-answer>Check my answer</button></div>
<div class="check-feedback" role="status" data-feedback><p data-verdict></p>${feedback}</div>
<details data-answers><summary>See the answers</summary><ul>${answers}</ul></details>
</section>`;
}

function reflectionPart(part: Extract<Part, { kind: "reflection" }>): string {
  const id = `reflect-${esc(part.id)}`;
  // No name and no form: the text has nowhere to go but this browser's own storage.
  return `<section class="learn-block learn-reflection" data-reflection="${esc(part.id)}" aria-labelledby="${id}-label">
<h3 class="block-heading">Reflect</h3>
<label for="${id}" id="${id}-label">${part.html}</label>
<p class="hint" id="${id}-hint">Private: what you write here stays on this device. It is never sent to your learning system, so your trainer never sees it. You can leave it blank.</p>
<textarea id="${id}" rows="5" aria-describedby="${id}-hint" autocomplete="off"></textarea>
<div class="actions" data-js-only hidden>
<button type="button" class="button-secondary" data-keep>Keep on this device</button>
<button type="button" class="button-quiet" data-forget>Forget what I wrote</button>
</div>
<p role="status" data-kept></p>
</section>`;
}

/**
 * A self-care plan in a package: each part is kept like a reflection, in this browser's storage only
 * and never in a form, so the plan cannot reach the learning system. `at` keeps the page's ids apart.
 */
function selfCarePlanPart(part: Extract<Part, { kind: "selfCarePlan" }>, at: string): string {
  const boxes = PLAN_PARTS.map(({ name, label }) => {
    const id = `plan-${at}-${name}`;
    return `<div class="stack" data-reflection="self-care-plan-${name}">
<label for="${id}">${label}</label>
<textarea id="${id}" rows="3" aria-describedby="plan-${at}-hint" autocomplete="off"></textarea>
<div class="actions" data-js-only hidden>
<button type="button" class="button-secondary" data-keep>Keep on this device</button>
<button type="button" class="button-quiet" data-forget>Forget what I wrote</button>
</div>
<p role="status" data-kept></p>
</div>`;
  }).join("\n");
  return `<section class="learn-block learn-self-care" aria-labelledby="plan-${at}-title">
<h3 class="block-heading" id="plan-${at}-title">My self-care plan</h3>
${part.introHtml ? `<p>${part.introHtml}</p>` : ""}
<p class="hint" id="plan-${at}-hint">Private: your plan stays on this device. It is never sent to your learning system, so your trainer never sees it. Write as much or as little as you like.</p>
${boxes}
</section>`;
}

function partHtml(part: Part, course: PackageCourse, at: string): string {
  switch (part.kind) {
    case "html":
      return `<div class="learn-text">${part.html}</div>`;
    case "note":
      return `<aside class="content-note" aria-label="Content note"><p><strong>Content note:</strong> ${esc(part.topics.join(", "))}</p>${part.html ? `<p>${part.html}</p>` : ""}</aside>`;
    case "check":
      return checkPart(part);
    case "reflection":
      return reflectionPart(part);
    case "scenario":
      return `<section class="learn-block learn-scenario" aria-labelledby="scenario-${esc(part.id)}">
<h3 class="block-heading" id="scenario-${esc(part.id)}">Scenario</h3>
<div class="scenario-situation">${part.situationHtml}</div>
<p class="hint">Think about what you would do, then open each response to read about it.</p>
${part.responses.map((r) => `<details class="scenario-response"><summary>${r.html}</summary><div>${r.discussionHtml}</div></details>`).join("\n")}
</section>`;
    case "takeaway":
      return `<aside class="learn-block learn-takeaway" aria-label="Key takeaways"><h3 class="block-heading">Key takeaways</h3>${part.html}</aside>`;
    case "story":
      if (part.withdrawn)
        return `<aside class="learn-block learn-story" aria-label="Story"><p>${WITHDRAWN_STORY}</p></aside>`;
      return `<figure class="learn-block learn-story" aria-label="A lived-experience story"><div class="story-words">${part.html}</div><figcaption>${esc(part.creditName ? `Shared by ${part.creditName}` : "Shared by a member of the organisation, who chose not to be named")}</figcaption></figure>`;
    case "signpost":
      return `<aside class="learn-block learn-signpost" aria-label="Support you can reach"><h3 class="block-heading">Support you can reach</h3>${part.leadInHtml ? `<p>${part.leadInHtml}</p>` : ""}${supportList(course.support.resources, 4)}</aside>`;
    case "selfCarePlan":
      return selfCarePlanPart(part, at);
  }
}

function gate(section: PackageSection, next: string): string {
  if (!section.contentNote) return "";
  const notes = section.parts.flatMap((p) => (p.kind === "note" && p.html ? [`<p>${p.html}</p>`] : []));
  return `<div class="content-note" data-gate>
<h3 id="s${section.index}-note">Before you start: a content note</h3>
<p>This section talks about: ${esc(section.contentNote.join(", "))}.</p>
${notes.join("")}
<p>Only go on if it feels right today. You can skip it for now, with no penalty, and come back to it from the list of sections.</p>
<div class="actions">
<a class="button" href="#s${section.index}-body" data-gate-continue>Continue to the section</a>
<a class="button button-secondary" href="${next}" data-gate-skip>Skip for now</a>
<a class="button button-quiet" href="#support-now">Take a break</a>
</div>
</div>`;
}

function sectionHtml(section: PackageSection, module: PackageModule, course: PackageCourse): string {
  const count = module.sections.length;
  const last = section.index === count;
  const next = last ? "#finished" : `#s${section.index + 1}`;
  const checks = section.parts.flatMap((p) => (p.kind === "check" ? [p.id] : []));
  const previous =
    section.index > 1
      ? `<a class="button button-quiet" href="#s${section.index - 1}" data-go="previous">Previous</a>`
      : "<span></span>";
  return `<section class="package-section" id="s${section.index}" data-section="${section.index}" data-checks="${esc(checks.join(" "))}" aria-labelledby="s${section.index}-title" tabindex="-1">
<p class="muted">Section ${section.index} of ${count}<span data-status></span></p>
<h2 id="s${section.index}-title">${esc(section.title)}</h2>
${gate(section, next)}
<div id="s${section.index}-body" data-body>
${section.parts.map((p, i) => partHtml(p, course, `${section.index}-${i}`)).join("\n")}
</div>
<nav class="learn-pager" aria-label="Section ${section.index}">
${previous}
<a class="button" href="${next}" data-go="${last ? "finish" : "next"}">${last ? "Finish" : "Next"}</a>
</nav>
</section>`;
}

/** One module's page: every section in order, the learner's privacy said first, support at the end. */
export function modulePage(course: PackageCourse, module: PackageModule, assets: PageAssets): string {
  const outline = module.sections
    .map(
      (s) =>
        `<li><a href="#s${s.index}" data-outline="${s.index}">${esc(s.title)}</a><span data-status-for="${s.index}"></span></li>`,
    )
    .join("\n");
  const body = `<p class="muted">${esc(course.title)} · module ${module.position} of ${course.modules.length}</p>
<h1>${esc(module.title)}</h1>
${module.summary ? `<p class="lead">${esc(module.summary)}</p>` : ""}
<p class="notice">Your learning system records which sections you have read or skipped, and where you got to. What you write in reflections and your self-care plan stays on this device: it is never sent to your learning system or your trainer.</p>
<p class="notice" data-offline hidden>This page is not connected to a learning system, so your progress is not recorded. Everything still works.</p>
<nav aria-labelledby="outline-title"><h2 id="outline-title">Sections</h2><ol class="section-list">
${outline}
</ol></nav>
${module.sections.map((s) => withoutSiteLinks(sectionHtml(s, module, course))).join("\n")}
<section class="package-section" id="finished" data-end aria-labelledby="finished-title" tabindex="-1">
<h2 id="finished-title">End of this module</h2>
<p data-summary>You have reached the end of “${esc(module.title)}”.</p>
<p><a href="#s1" data-outline="1">Back to the first section</a></p>
</section>
${supportNow(course)}`;
  return shell({
    title: `${module.title} · ${course.title}`,
    course: course.title,
    body,
    css: up(assets.css),
    scripts: assets.scripts.map(up),
    main: ` data-package="${esc(assets.packageId)}" data-module="${module.position}"${assets.reportScore ? " data-score" : ""}`,
  });
}

/** The package's front page, for opening it as plain pages: the course and a link to each module. */
export function coursePage(
  course: PackageCourse,
  moduleHref: (m: PackageModule) => string,
  { css, scripts }: { css: string; scripts: string[] },
): string {
  const modules = course.modules
    .map(
      (m) =>
        `<li class="card"><h3><a href="${esc(moduleHref(m))}">${esc(m.title)}</a></h3><p>${esc(m.summary)}</p><p class="muted">About ${m.estimatedMinutes} minutes · ${m.sections.length} ${m.sections.length === 1 ? "section" : "sections"}</p></li>`,
    )
    .join("\n");
  const body = `<h1>${esc(course.title)}</h1>
${course.description ? `<p class="lead">${esc(course.description)}</p>` : ""}
<p class="muted">Version ${course.version}</p>
<h2>Modules</h2>
<ol class="support-list">
${modules}
</ol>
${supportNow(course)}`;
  return shell({ title: course.title, course: course.title, body, css, scripts, main: "" });
}
