import type { PackageCourse, PackageModule } from "./course-to-export";
import { esc } from "./html";

/**
 * The SCORM 1.2 side of a package: the manifest, and a small runtime that finds the LMS's API and
 * hands the page player a tracker. What it reports: `cmi.core.lesson_status`, `lesson_location`,
 * `suspend_data` (sections read or skipped, checks answered right) and, only when the export asked for
 * it, `cmi.core.score`. It never writes `cmi.interactions` or anything a learner typed.
 */

/** Where a module's SCO lives in the package. */
export const scoPath = (m: Pick<PackageModule, "position">) => `m${m.position}/index.html`;

export const SHARED_FILES = { css: "shared/package.css", player: "shared/player.js", runtime: "shared/scorm12.js" };

export const SCORM12_JS = `(function () {
  "use strict";
  // The standard search: this window and its parents, then the window that opened it and its parents.
  function search(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try { if (win.API) return win.API; } catch (e) { /* Another origin's window: look further up. */ }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  function findAPI() {
    var api = search(window);
    if (!api && window.opener) { try { api = search(window.opener); } catch (e) { api = null; } }
    return api;
  }
  var api = findAPI();
  var running = false;
  var began = Date.now();
  var completed = false;
  function get(name) { return String(api.LMSGetValue(name) || ""); }
  function set(name, value) { api.LMSSetValue(name, String(value)); }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function sessionTime() {
    var s = Math.floor((Date.now() - began) / 1000);
    return two(Math.floor(s / 3600)) + ":" + two(Math.floor((s % 3600) / 60)) + ":" + two(s % 60);
  }
  var tracker = {
    start: function () {
      if (!api) return null;
      var ok = String(api.LMSInitialize("")) === "true";
      // 101: already initialised (a page reloaded inside the same attempt) is still a working session.
      if (!ok && String(api.LMSGetLastError()) !== "101") { api = null; return null; }
      running = true;
      var status = get("cmi.core.lesson_status");
      completed = status === "completed" || status === "passed";
      if (!completed) set("cmi.core.lesson_status", "incomplete");
      return { suspend: get("cmi.suspend_data"), location: get("cmi.core.lesson_location") };
    },
    save: function (report) {
      if (!running) return;
      set("cmi.core.lesson_location", report.location);
      set("cmi.suspend_data", report.suspend);
      if (report.complete && !completed) { completed = true; set("cmi.core.lesson_status", "completed"); }
      if (report.score !== null && report.score !== undefined) {
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", report.score);
      }
      set("cmi.core.exit", completed ? "" : "suspend");
      api.LMSCommit("");
    },
    end: function () {
      if (!running) return;
      running = false;
      set("cmi.core.session_time", sessionTime());
      set("cmi.core.exit", completed ? "" : "suspend");
      api.LMSCommit("");
      api.LMSFinish("");
    }
  };
  window.alongsidePlayer(tracker);
})();
`;

/**
 * The manifest: one organisation for the course, an item and a SCO per module (each tracked on its
 * own, as a module is in the app), and the shared style sheet and scripts as one asset resource.
 */
export function manifest(course: PackageCourse, sharedFiles: string[]): string {
  const id = `alongside-${course.versionId}`;
  const items = course.modules
    .map(
      (m) =>
        `      <item identifier="item-${m.position}" identifierref="sco-${m.position}" isvisible="true">\n        <title>${esc(m.title)}</title>\n      </item>`,
    )
    .join("\n");
  const resources = course.modules
    .map(
      (m) =>
        `    <resource identifier="sco-${m.position}" type="webcontent" adlcp:scormtype="sco" href="${scoPath(m)}">\n      <file href="${scoPath(m)}"/>\n      <dependency identifierref="shared"/>\n    </resource>`,
    )
    .join("\n");
  const shared = sharedFiles.map((f) => `      <file href="${esc(f)}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(id)}" version="${course.version}" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${esc(course.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="shared" type="webcontent" adlcp:scormtype="asset">
${shared}
    </resource>
  </resources>
</manifest>
`;
}
