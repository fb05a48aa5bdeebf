/**
 * The learner pages' JavaScript budget, checked on the built assets the server serves: learner routes
 * never load the editor (Tiptap, ProseMirror) or Yjs, and even if they were hydrated would ship at
 * most 100 KB of JavaScript, gzipped. Then, on the running server, that they load no script at all.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage, joinAsLearner, startOpenCourse } from "./support/learning";
import { DEMO } from "./support/people";
import { PROJECT_ROOT } from "./support/server";
import { signIn } from "./support/sessions";

const BUDGET_BYTES = 100 * 1024;

/**
 * Strings that occur in the libraries' own code, so they survive minification: Tiptap's name for
 * itself (its CSS class and extension storage), ProseMirror's view classes, Yjs's log prefix and
 * its warning about being imported twice. Each is checked against the editor's code below.
 */
const EDITOR_MARKERS = ["tiptap", "ProseMirror-", "[yjs]", "Yjs was already imported"];

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };

/** The asset manifest the built server refers to (public/build/manifest-*.js sets window.__remixManifest). */
function readManifest(): Manifest {
  const server = fs.readFileSync(path.join(PROJECT_ROOT, "build", "index.js"), "utf8");
  const url = /"(\/build\/manifest-[A-Z0-9]+\.js)"/.exec(server)?.[1];
  if (!url) throw new Error("The server build names no asset manifest: run `npx remix build` first.");
  const sandbox: { window: { __remixManifest?: Manifest } } = { window: {} };
  vm.runInNewContext(fs.readFileSync(assetPath(url), "utf8"), sandbox);
  const manifest = sandbox.window.__remixManifest;
  if (!manifest) throw new Error(`${url} did not assign window.__remixManifest`);
  return manifest;
}

function assetPath(url: string) {
  return path.join(PROJECT_ROOT, "public", url);
}

/** Every file a set of modules loads, following static and dynamic imports of other built files. */
function withImports(urls: string[]): Set<string> {
  const found = new Set<string>();
  const queue = [...urls];
  while (queue.length > 0) {
    const url = queue.pop() as string;
    if (found.has(url)) continue;
    found.add(url);
    const code = fs.readFileSync(assetPath(url), "utf8");
    for (const match of code.matchAll(/(?:from\s*|import\s*\(?\s*)"(\/build\/[^"]+\.js)"/g)) {
      if (match[1]) queue.push(match[1]);
    }
  }
  return found;
}

/** A route with its parents up to the root, as the browser would load them, plus the entry module. */
function filesOfRoute(manifest: Manifest, routeId: string): Set<string> {
  const urls = [manifest.entry.module, ...manifest.entry.imports];
  for (
    let route = manifest.routes[routeId];
    route;
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  ) {
    urls.push(route.module, ...(route.imports ?? []));
  }
  return withImports(urls);
}

function gzipped(url: string) {
  return zlib.gzipSync(fs.readFileSync(assetPath(url)), { level: 9 }).length;
}

function markersIn(url: string) {
  const code = fs.readFileSync(assetPath(url), "utf8");
  return EDITOR_MARKERS.filter((marker) => code.includes(marker));
}

test("learner routes load no Tiptap, ProseMirror or Yjs code, and at most 100 KB of JavaScript gzipped", () => {
  const manifest = readManifest();
  const learnerRoutes = Object.keys(manifest.routes).filter((id) => id.startsWith("routes/learn"));
  expect(learnerRoutes).toEqual(
    expect.arrayContaining([
      "routes/learn",
      "routes/learn._index",
      "routes/learn.courses.$courseId",
      "routes/learn.e.$enrolmentId._index",
      "routes/learn.e.$enrolmentId.m.$moduleVersionId.s.$section",
      "routes/learn.e.$enrolmentId.certificate",
      "routes/learn.journal._index",
      "routes/learn.journal.$entryId",
    ]),
  );

  // The markers are real: the Write tab's code (with the editor it loads on demand) has every one.
  const editorFiles = filesOfRoute(manifest, "routes/workshop.$moduleId._index");
  const editorMarkers = new Set([...editorFiles].flatMap(markersIn));
  expect([...editorMarkers].sort()).toEqual([...EDITOR_MARKERS].sort());

  const report: string[] = [];
  for (const id of learnerRoutes) {
    const files = filesOfRoute(manifest, id);
    for (const url of files) expect(markersIn(url), `${id} loads ${url}`).toEqual([]);
    const total = [...files].reduce((sum, url) => sum + gzipped(url), 0);
    report.push(`${id}: ${(total / 1024).toFixed(1)} KB in ${files.size} files`);
    expect(total, `${id} ships ${total} bytes of JavaScript, gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
  test.info().annotations.push({ type: "gzipped JavaScript per learner route", description: report.join("; ") });
});

test("learner pages load no script in a browser with JavaScript, and their HTML has none", async ({
  page,
  newPage,
}) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.admin);
  const learner = await newPage({ javaScriptEnabled: true });
  await joinAsLearner(page, learner, "Noor");
  // From here on, only learner pages (joining is not one: it hydrates).
  const scripts: string[] = [];
  learner.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await learner.reload();
  await checkLearnerPage(learner);

  // Any course open to everyone will do (the demo organisation has one); the learner starts it.
  const open = learner.getByRole("region", { name: "Open to everyone" }).getByRole("link").first();
  const title = ((await open.textContent()) ?? "").trim();
  const courseId = /^\/learn\/courses\/([A-Za-z0-9_-]{22})$/.exec((await open.getAttribute("href")) ?? "")?.[1];
  expect(courseId).toBeDefined();
  const enrolmentId = await startOpenCourse(learner, title);
  await learner.getByRole("link", { name: "Continue where you left off" }).click();
  await expect(learner).toHaveURL(/\/learn\/e\/[A-Za-z0-9_-]{22}\/m\/[A-Za-z0-9_-]{22}\/s\/1$/);
  await checkLearnerPage(learner);
  const section = new URL(learner.url()).pathname;
  await learner.goto("/learn/journal");
  await checkLearnerPage(learner);
  expect(scripts, "scripts the learner pages loaded").toEqual([]);

  // The HTML itself: no script file, no module preload, no hydration data; only the quick exit's
  // few lines, inline.
  for (const path of [
    "/learn",
    `/learn/courses/${courseId}`,
    `/learn/e/${enrolmentId}`,
    section,
    `/learn/e/${enrolmentId}/certificate`,
    "/learn/journal",
  ]) {
    const response = await learner.request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    expect(html, path).toContain('class="quick-exit"');
    expect(html, path).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html, path).not.toMatch(/modulepreload/i);
    expect(html, path).not.toMatch(/type="module"/i);
    expect(html, path).not.toContain("__remixContext");
    expect(html, path).not.toContain("__remixManifest");
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? "");
    expect(inline, path).toHaveLength(1);
    expect(inline[0], path).toContain("a[data-quick-exit]");
    expect(inline[0], path).not.toMatch(/\bimport\b/);
  }

  // A page outside the learner area (the account page) does hydrate, so the checks above can fail.
  const account = await learner.request.get("/account");
  expect(account.status()).toBe(200);
  expect(await account.text()).toMatch(/modulepreload/);
});
