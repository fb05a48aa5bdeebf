/**
 * The SCORM 1.2 export of the largest starter course: every starter module, published, in one course.
 * Times `exportScorm` (render every section, write the manifest, zip) on a fresh database, the first
 * run apart (it loads the renderer) and then the median of the rest, and gives the package's size.
 *
 *   node --import tsx e2e/bench/scorm-package.bench.ts      (BENCH_RUNS, default 20)
 */
import { performance } from "node:perf_hooks";
import { unzipSync } from "fflate";
import { contextFor } from "../../modules/auth/context";
import { listStarterModules } from "../../modules/content/starter";
import { addCourseModule, createCourse, publishCourse } from "../../modules/courses/service";
import { exportScorm } from "../../modules/packages/index";
import { testDatabase } from "../../modules/testing/database";
import { makeOrganisation } from "../../modules/testing/fixtures";
import { publishedModule } from "../../modules/testing/published-module";

const runs = Number(process.env.BENCH_RUNS ?? 20);
const database = testDatabase();
try {
  const { db } = database;
  const org = makeOrganisation(db, "Bench Peer Service");
  const facilitator = org.member(["facilitator"], "Fran Mills");
  const trainer = contextFor(db, org.member(["trainer"], "Sam Taylor").actor);
  const course = createCourse(trainer, { title: "Every starter module", description: "", openToAll: false });
  const starters = listStarterModules();
  for (const starter of starters) {
    const { moduleId } = publishedModule(db, {
      orgId: org.org.id,
      by: facilitator.user.id,
      title: starter.details.title,
      doc: starter.doc,
      estimatedMinutes: starter.details.estimatedMinutes,
    });
    addCourseModule(trainer, course.id, moduleId);
  }
  publishCourse(trainer, course.id, "First version.");
  const time = () => {
    const start = performance.now();
    const file = exportScorm(trainer, course.id, {}, { ip: null });
    return { ms: performance.now() - start, file };
  };
  const first = time();
  const rest = Array.from({ length: runs }, () => time().ms).sort((a, b) => a - b);
  const median = rest[Math.floor(rest.length / 2)] ?? 0;
  const entries = unzipSync(first.file.bytes);
  const unzipped = Object.values(entries).reduce((sum, b) => sum + b.byteLength, 0);
  console.log(`modules: ${starters.length}, files in the zip: ${Object.keys(entries).length}`);
  console.log(
    `zip: ${(first.file.bytes.byteLength / 1024).toFixed(1)} KB, unzipped ${(unzipped / 1024).toFixed(1)} KB`,
  );
  console.log(`export time: first ${first.ms.toFixed(0)} ms, then median ${median.toFixed(1)} ms over ${runs} runs`);
} finally {
  database.close();
}
