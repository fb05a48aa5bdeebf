import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { courseActivity, moduleActivity } from "../xapi/vocabulary";
import type { PackageCourse, PackageModule } from "./course-to-export";
import { esc } from "./html";

/**
 * The cmi5 side of a package: the course structure (`cmi5.xml`), an AU per module at the same page
 * the SCORM package uses, and a small runtime on top of the `@xapi/cmi5` library that follows the
 * launch sequence and hands the page player a tracker. What it sends: `initialized`, `completed` once
 * the module is done (every section read or skipped, every check in the sections read answered right),
 * `passed` or `failed` only when the learning system set a mastery score and checks were asked, and
 * `terminated`; the progress (sections read or skipped, checks answered right, the bookmark) goes to
 * the AU's own activity state document. Never an interaction, never anything a learner typed.
 */

/** Where a module's AU lives in the package: the same page as a SCORM SCO. */
export const auPath = (m: Pick<PackageModule, "position">) => `m${m.position}/index.html`;

export const CMI5_FILES = {
  library: "shared/cmi5-library.js",
  libraryLicence: "shared/cmi5-library-licence.txt",
  runtime: "shared/cmi5.js",
};

/** The AU's own state document: the player's progress, and whether `completed` was already sent. */
export const PROGRESS_STATE_ID = "alongside-progress";

const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));
let library: { script: string; licence: string } | null = null;

/**
 * The library's own browser build (it carries its xAPI client and axios inside), read once from the
 * installed package when the first cmi5 export is made, so the package always holds the version the
 * app was built and tested with.
 */
export function cmi5Library() {
  if (!library) {
    const script = requireFromProject.resolve("@xapi/cmi5/dist/Cmi5.umd.js");
    library = {
      script: fs.readFileSync(script, "utf8"),
      licence: fs.readFileSync(path.join(path.dirname(script), "..", "LICENSE.md"), "utf8"),
    };
  }
  return library;
}

export const CMI5_JS = `(function () {
  "use strict";
  var STATE_ID = ${JSON.stringify(PROGRESS_STATE_ID)};
  var offline = { start: function () { return null; }, save: function () {}, end: function () {} };
  // Opened with no launch parameters (a folder, a plain web server): the pages work on their own.
  if (!window.Cmi5 || !window.Cmi5.isCmiAvailable) { window.alongsidePlayer(offline); return; }
  var cmi5 = window.Cmi5.instance;
  var params = cmi5.getLaunchParameters();
  var where = { agent: params.actor, activityId: params.activityId, registration: params.registration, stateId: STATE_ID };
  // One write at a time, in order: completed is never overtaken by terminated.
  var queue = Promise.resolve();
  function then(step) { queue = queue.then(step).catch(function () { /* The LMS keeps what reached it. */ }); return queue; }

  cmi5.initialize()
    .then(function () {
      return cmi5.xapi.getState(where).then(function (r) { return r.data; }, function () { return null; });
    })
    .then(function (saved) {
      var data = cmi5.getLaunchData();
      // Browse and Review let a learner look without changing their record (cmi5 section 10).
      var normal = data.launchMode === "Normal";
      var mastery = typeof data.masteryScore === "number" ? data.masteryScore : null;
      var kept = saved && typeof saved === "object" ? saved : {};
      var done = kept.done === true;
      var running = true;
      function store(report) {
        var doc = { suspend: report.suspend, location: report.location, done: done };
        then(function () { return cmi5.xapi.setState(Object.assign({ state: doc }, where)); });
      }
      window.alongsidePlayer({
        start: function () {
          return { suspend: typeof kept.suspend === "string" ? kept.suspend : "", location: typeof kept.location === "string" ? kept.location : "" };
        },
        save: function (report) {
          if (!running || !normal) return;
          if (report.complete && !done) {
            done = true;
            then(function () { return cmi5.complete(); });
            // A score exists only when checks were asked in sections read: skipping never fails.
            if (mastery !== null && report.score !== null && report.score !== undefined) {
              var scaled = report.score / 100;
              then(function () { return scaled >= mastery ? cmi5.pass(scaled) : cmi5.fail(scaled); });
            }
          }
          store(report);
        },
        end: function () {
          if (!running) return;
          running = false;
          // The page is going away: the statement the library builds is carried by a request that
          // outlives the page, where the library's own would be cancelled with it.
          cmi5.sendXapiStatement = function (statement) {
            return fetch(params.endpoint.replace(/\\/?$/, "/") + "statements", {
              method: "POST",
              keepalive: true,
              headers: {
                Authorization: "Basic " + cmi5.getAuthToken(),
                "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3"
              },
              body: JSON.stringify(statement)
            });
          };
          then(function () { return cmi5.terminate(); });
        }
      });
    })
    .catch(function () { window.alongsidePlayer(offline); });
})();
`;

const langstring = (text: string) => `<langstring lang="en-GB">${esc(text)}</langstring>`;

/**
 * The course structure: the course, and an AU per module (each tracked on its own, as in the app) that
 * moves on when completed, launched from its page in the package. No mastery score: a module is done
 * when it is read or skipped through, and a learning system that sets one only adds passed or failed.
 */
export function courseStructure(course: PackageCourse, origin: string): string {
  const aus = course.modules
    .map(
      (
        m,
      ) => `  <au id="${esc(moduleActivity(origin, m.moduleId, m.title).id)}" moveOn="Completed" launchMethod="AnyWindow">
    <title>${langstring(m.title)}</title>
    <description>${langstring(m.summary || `Module ${m.position} of ${course.title}`)}</description>
    <url>${esc(auPath(m))}</url>
  </au>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${esc(courseActivity(origin, course.courseId, course.title).id)}">
    <title>${langstring(course.title)}</title>
    <description>${langstring(course.description || course.title)}</description>
  </course>
${aus}
</courseStructure>
`;
}
