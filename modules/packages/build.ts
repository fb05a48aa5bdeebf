import { serializeModule } from "../content/serialize";
import { auPath, CMI5_FILES, CMI5_JS, cmi5Library, courseStructure } from "./cmi5";
import type { PackageCourse } from "./course-to-export";
import { fileSlug } from "./file-name";
import { coursePage, modulePage } from "./pages";
import { PLAYER_JS } from "./player-script";
import { manifest, SCORM12_JS, SHARED_FILES, scoPath } from "./scorm";
import { PACKAGE_CSS } from "./styles";
import { type PackageFile, zipFiles } from "./zip";

/** A SCORM 1.2 package of the course version: the manifest, a SCO per module, the course page, shared files. */
export function scormPackage(course: PackageCourse, options: { reportScore: boolean }): Uint8Array {
  const assets = {
    css: SHARED_FILES.css,
    scripts: [SHARED_FILES.player, SHARED_FILES.runtime],
    packageId: course.versionId,
    reportScore: options.reportScore,
  };
  const files: PackageFile[] = [
    { path: SHARED_FILES.css, content: PACKAGE_CSS },
    { path: SHARED_FILES.player, content: PLAYER_JS },
    { path: SHARED_FILES.runtime, content: SCORM12_JS },
    {
      path: "index.html",
      content: coursePage(course, scoPath, { css: SHARED_FILES.css, scripts: [SHARED_FILES.player] }),
    },
    ...course.modules.map((m) => ({ path: scoPath(m), content: modulePage(course, m, assets) })),
  ];
  const shared = [SHARED_FILES.css, SHARED_FILES.player, SHARED_FILES.runtime, "index.html"];
  return zipFiles([{ path: "imsmanifest.xml", content: manifest(course, shared) }, ...files]);
}

/**
 * A cmi5 package of the course version: `cmi5.xml`, an AU per module (the same pages as the SCORM
 * package), the course page, and the shared files with the cmi5 library and its licence.
 */
export function cmi5Package(course: PackageCourse, origin: string): Uint8Array {
  const library = cmi5Library();
  const assets = {
    css: SHARED_FILES.css,
    scripts: [SHARED_FILES.player, CMI5_FILES.library, CMI5_FILES.runtime],
    packageId: course.versionId,
    // The runtime uses the score only when the learning system sets a mastery score.
    reportScore: true,
  };
  return zipFiles([
    { path: "cmi5.xml", content: courseStructure(course, origin) },
    { path: SHARED_FILES.css, content: PACKAGE_CSS },
    { path: SHARED_FILES.player, content: PLAYER_JS },
    { path: CMI5_FILES.library, content: library.script },
    { path: CMI5_FILES.libraryLicence, content: library.licence },
    { path: CMI5_FILES.runtime, content: CMI5_JS },
    {
      path: "index.html",
      content: coursePage(course, auPath, { css: SHARED_FILES.css, scripts: [SHARED_FILES.player] }),
    },
    ...course.modules.map((m) => ({ path: auPath(m), content: modulePage(course, m, assets) })),
  ]);
}

/** The course version's modules as content files (docs/content-format.md), to keep, share or import again. */
export function markdownPackage(course: PackageCourse): Uint8Array {
  return zipFiles(
    course.modules.map((m) => ({
      path: `${String(m.position).padStart(2, "0")}-${fileSlug(m.title, 50) || "module"}.md`,
      content: serializeModule({ details: m.details, doc: m.doc }),
    })),
  );
}
