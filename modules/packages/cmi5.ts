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
  var endpoint = params.endpoint.replace(/\\/?$/, "/");
  var where = { agent: params.actor, activityId: params.activityId, registration: params.registration, stateId: STATE_ID };

  // Every write after the launch is a request that outlives the page (keepalive): the learner may
  // close the module while one is on its way, and the library's own requests would be cancelled.
  function lrs(method, resource, body) {
    return fetch(endpoint + resource, {
      method: method,
      keepalive: true,
      headers: {
        Authorization: "Basic " + cmi5.getAuthToken(),
        "Content-Type": "application/json",
        "X-Experience-API-Version": "1.0.3"
      },
      body: JSON.stringify(body)
    });
  }
  function stateResource() {
    return "activities/state?" + new URLSearchParams({
      activityId: where.activityId,
      agent: JSON.stringify(where.agent),
      registration: where.registration,
      stateId: STATE_ID
    }).toString();
  }
  // One write at a time, in order, so completed is never overtaken; at the end whatever still waits
  // is sent at once, before terminated, as nothing can wait once the page has gone.
  var waiting = [];
  var busy = false;
  function pump() {
    if (busy || waiting.length === 0) return;
    busy = true;
    var job = waiting.shift();
    function next() { busy = false; pump(); }
    job().then(next, next);
  }
  // Only the newest progress is worth sending: an older one still waiting is dropped.
  function send(job, progress) {
    if (progress) waiting = waiting.filter(function (j) { return !j.progress; });
    job.progress = progress === true;
    waiting.push(job);
    pump();
  }
  function flush() { while (waiting.length > 0) waiting.shift()(); }

  cmi5.initialize()
    .then(function () {
      return cmi5.xapi.getState(where).then(function (r) { return r.data; }, function () { return null; });
    })
    .then(function (saved) {
      cmi5.sendXapiStatement = function (statement) { return lrs("POST", "statements", statement); };
      var data = cmi5.getLaunchData();
      // Browse and Review let a learner look without changing their record (cmi5 section 10).
      var normal = data.launchMode === "Normal";
      var mastery = typeof data.masteryScore === "number" ? data.masteryScore : null;
      var kept = saved && typeof saved === "object" ? saved : {};
      var done = kept.done === true;
      var running = true;
      window.alongsidePlayer({
        start: function () {
          return { suspend: typeof kept.suspend === "string" ? kept.suspend : "", location: typeof kept.location === "string" ? kept.location : "" };
        },
        save: function (report) {
          if (!running || !normal) return;
          if (report.complete && !done) {
            done = true;
            send(function () { return cmi5.complete(); });
            // A score exists only when checks were asked in sections read: skipping never fails.
            if (mastery !== null && report.score !== null && report.score !== undefined) {
              var scaled = report.score / 100;
              send(function () { return scaled >= mastery ? cmi5.pass(scaled) : cmi5.fail(scaled); });
            }
          }
          var doc = { suspend: report.suspend, location: report.location, done: done };
          send(function () { return lrs("PUT", stateResource(), doc); }, true);
        },
        end: function () {
          if (!running) return;
          running = false;
          flush();
          cmi5.terminate();
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
