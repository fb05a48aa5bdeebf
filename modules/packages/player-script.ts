import { QUICK_EXIT_URL } from "./html";

/** Escape pressed twice within this long leaves, as in the app. */
const DOUBLE_ESCAPE_MS = 800;

/**
 * The package's page behaviour, whatever tracks it: quick exit (always), and `alongsidePlayer(tracker)`,
 * which a tracking runtime calls to show one section at a time, hold the content-note gate, check
 * answers and keep reflections in this browser only. The tracker is told the progress (sections read
 * or skipped, checks answered right, where the learner is) and nothing else: reflections are never
 * handed to it. Plain ES2017 so it runs in any browser an LMS supports.
 *
 * tracker.start() → { suspend: string, location: string } | null (null: no learning system)
 * tracker.save({ suspend, location, complete, score })   tracker.end({ complete })
 */
export const PLAYER_JS = `(function () {
  "use strict";
  var EXIT = ${JSON.stringify(QUICK_EXIT_URL)};
  var lastEscape = 0;
  function leave() {
    try { window.top.location.replace(EXIT); } catch (e) { window.location.replace(EXIT); }
  }
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest && e.target.closest("a[data-quick-exit]");
    if (!a) return;
    e.preventDefault();
    leave();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { lastEscape = 0; return; }
    var now = Date.now();
    if (lastEscape && now - lastEscape < ${DOUBLE_ESCAPE_MS}) { leave(); return; }
    lastEscape = now;
  });

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function readState(text) {
    var state = { s: {}, c: [] };
    try {
      var parsed = JSON.parse(text || "{}");
      if (parsed && typeof parsed.s === "object" && parsed.s) {
        Object.keys(parsed.s).forEach(function (k) { if (parsed.s[k] === "r" || parsed.s[k] === "s") state.s[k] = parsed.s[k]; });
      }
      if (parsed && Array.isArray(parsed.c)) state.c = parsed.c.filter(function (c) { return typeof c === "string"; });
    } catch (e) { /* Unreadable saved progress starts afresh rather than stopping the page. */ }
    return state;
  }

  window.alongsidePlayer = function (tracker) {
    var main = document.querySelector("main[data-module]");
    if (!main) return;
    var packageId = main.getAttribute("data-package") || "";
    var reportScore = main.hasAttribute("data-score");
    var sections = all(".package-section[data-section]");
    var end = document.getElementById("finished");
    var started = tracker.start();
    if (!started) all("[data-offline]").forEach(function (el) { el.hidden = false; });
    var state = readState(started && started.suspend);
    var opened = {};
    var current = null;

    all("[data-answers]").forEach(function (el) { el.remove(); });
    all("[data-js-only]").forEach(function (el) { el.hidden = false; });

    function checksOf(section) {
      return (section.getAttribute("data-checks") || "").split(" ").filter(Boolean);
    }
    function complete() {
      return sections.every(function (s) {
        var n = s.getAttribute("data-section");
        if (!state.s[n]) return false;
        // Skipping never blocks completion: a skipped section's checks are not asked of the learner.
        return state.s[n] === "s" || checksOf(s).every(function (c) { return state.c.indexOf(c) >= 0; });
      });
    }
    function score() {
      var asked = [];
      sections.forEach(function (s) { if (state.s[s.getAttribute("data-section")] === "r") asked = asked.concat(checksOf(s)); });
      if (!reportScore || asked.length === 0) return null;
      var right = asked.filter(function (c) { return state.c.indexOf(c) >= 0; }).length;
      return Math.round((100 * right) / asked.length);
    }
    function location() { return current === end ? "end" : "s" + current.getAttribute("data-section"); }
    function save() {
      tracker.save({ suspend: JSON.stringify(state), location: location(), complete: complete(), score: score() });
    }
    function label(n) { return state.s[n] === "r" ? "done" : state.s[n] === "s" ? "skipped for now" : ""; }
    function showStatuses() {
      all("[data-status-for]").forEach(function (el) {
        var text = label(el.getAttribute("data-status-for"));
        el.textContent = text ? " · " + text : "";
      });
      sections.forEach(function (s) {
        var text = label(s.getAttribute("data-section"));
        s.querySelector("[data-status]").textContent = text ? " · " + text : "";
      });
      var summary = end.querySelector("[data-summary]");
      var left = sections.filter(function (s) { return !state.s[s.getAttribute("data-section")]; }).length;
      summary.textContent = complete()
        ? "You have finished this module."
        : left > 0
          ? "You have reached the end. " + left + (left === 1 ? " section is" : " sections are") + " still to read: choose it from the list of sections."
          : "You have reached the end. A knowledge check in a section you read is still to answer.";
    }
    function show(target, focus) {
      current = target;
      sections.concat([end]).forEach(function (s) { s.hidden = s !== target; });
      var gate = target.querySelector("[data-gate]");
      var body = target.querySelector("[data-body]");
      if (gate && body) {
        var n = target.getAttribute("data-section");
        var gated = state.s[n] !== "r" && !opened[n];
        gate.hidden = !gated;
        body.hidden = gated;
      }
      showStatuses();
      if (focus) target.focus();
      save();
    }
    function sectionAt(n) { return sections[n - 1] || null; }
    function go(n, focus) { show(sectionAt(n) || end, focus); }
    function mark(section, how) {
      var n = section.getAttribute("data-section");
      if (how === "r" || state.s[n] !== "r") state.s[n] = how;
    }

    document.addEventListener("click", function (e) {
      var a = e.target && e.target.closest && e.target.closest("a, button");
      if (!a) return;
      var section = a.closest(".package-section[data-section]");
      var n = section ? Number(section.getAttribute("data-section")) : 0;
      if (a.hasAttribute("data-outline")) { e.preventDefault(); go(Number(a.getAttribute("data-outline")), true); return; }
      if (a.hasAttribute("data-go")) {
        e.preventDefault();
        var how = a.getAttribute("data-go");
        if (how === "previous") { go(n - 1, true); return; }
        mark(section, "r");
        go(n + 1, true);
        return;
      }
      if (a.hasAttribute("data-gate-continue")) {
        e.preventDefault();
        opened[n] = true;
        show(section, false);
        var heading = section.querySelector("h2");
        heading.setAttribute("tabindex", "-1");
        heading.focus();
        return;
      }
      if (a.hasAttribute("data-gate-skip")) { e.preventDefault(); mark(section, "s"); go(n + 1, true); return; }
      if (a.hasAttribute("data-check-answer")) { checkAnswer(a.closest("[data-check]")); return; }
      if (a.hasAttribute("data-keep")) { keep(a.closest("[data-reflection]"), true); return; }
      if (a.hasAttribute("data-forget")) { keep(a.closest("[data-reflection]"), false); }
    });

    function checkAnswer(block) {
      var id = block.getAttribute("data-check");
      var inputs = all("input", block);
      var chosen = inputs.filter(function (i) { return i.checked; });
      var verdict = block.querySelector("[data-verdict]");
      all("[data-feedback-for]", block).forEach(function (p) { p.hidden = true; });
      if (chosen.length === 0) { verdict.textContent = "Choose an answer first."; return; }
      var right = inputs.every(function (i) { return i.checked === i.hasAttribute("data-correct"); });
      verdict.textContent = right ? "That's right." : "Not quite. Have another look and try again.";
      chosen.forEach(function (i) {
        var p = block.querySelector('[data-feedback-for="' + i.value + '"]');
        if (p) p.hidden = false;
      });
      if (right && state.c.indexOf(id) < 0) state.c.push(id);
      showStatuses();
      save();
    }

    // Reflections live in this browser's storage only, under this package's key.
    function storageKey(block) { return "alongside-reflection:" + packageId + ":" + block.getAttribute("data-reflection"); }
    function keep(block, keepIt) {
      var box = block.querySelector("textarea");
      var said = block.querySelector("[data-kept]");
      try {
        if (keepIt) window.localStorage.setItem(storageKey(block), box.value);
        else { window.localStorage.removeItem(storageKey(block)); box.value = ""; }
        said.textContent = keepIt ? "Kept on this device only." : "Forgotten on this device.";
      } catch (e) {
        said.textContent = "This browser does not let the page keep it. If you want to keep it, copy it somewhere private.";
      }
    }
    all("[data-reflection]").forEach(function (block) {
      try {
        var kept = window.localStorage.getItem(storageKey(block));
        if (kept) block.querySelector("textarea").value = kept;
      } catch (e) { /* Storage may be closed to a framed page: the box simply starts empty. */ }
    });

    var at = started && /^s(\\d+)$/.exec(started.location || "");
    if (started && started.location === "end") show(end, false);
    else if (at && sectionAt(Number(at[1]))) go(Number(at[1]), false);
    else {
      var first = sections.filter(function (s) { return !state.s[s.getAttribute("data-section")]; })[0];
      show(first || sections[0] || end, false);
    }

    var ended = false;
    function finish() {
      if (ended) return;
      ended = true;
      tracker.end({ complete: complete() });
    }
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  };
})();
`;
