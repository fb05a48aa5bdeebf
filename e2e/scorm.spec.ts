/**
 * A course's SCORM 1.2 package, taken as a learning system would run it: the trainer downloads it from
 * the course page, the zip is opened, and its pages are served on a made-up LMS address inside a page
 * that provides the SCORM 1.2 API with scorm-again (in a frame, as Moodle runs it, and as a pop-up).
 */
import fs from "node:fs";
import path from "node:path";
import type { FrameLocator, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { checkPage, expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";
import { markChecked } from "./support/tracking";

const LMS = "https://lms.test";
const SCORM_AGAIN = fs.readFileSync(path.resolve("node_modules/scorm-again/dist/scorm12.js"), "utf8");
const PRIVATE = "Only mine: the night I could not say no to Dan";
const PRIVATE_TOO = "Ask Sam about the rota, privately";

/** A learning system's page: the API, kept between visits in this browser as an LMS keeps it on its server. */
function lmsPage(mode: "frame" | "popup") {
  const launch =
    mode === "frame"
      ? `<iframe src="/pkg/m1/index.html" title="Course module" style="width:100%;height:90vh;border:0"></iframe>`
      : `<button type="button" id="open">Open the module</button><script>document.getElementById("open").onclick=function(){window.open("/pkg/m1/index.html","sco");};</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test learning system</title>
<script src="/scorm-again.js"></script>
<script>
  window.API = new Scorm12API({ logLevel: 5 });
  var saved = localStorage.getItem("cmi");
  if (saved) window.API.loadFromJSON(JSON.parse(saved));
  window.sent = [];
  window.API.on("LMSSetValue.cmi.*", function (element, value) { window.sent.push([element, String(value)]); });
  window.API.on("LMSCommit", function () {
    localStorage.setItem("cmi", JSON.stringify(window.API.renderCMIToJSONObject().cmi));
  });
</script></head><body><main><h1>Test learning system</h1>${launch}</main></body></html>`;
}

/** The package's files, served on the made-up LMS address; every request body is kept to look for leaks. */
async function serve(page: Page, files: Record<string, Uint8Array>, mode: "frame" | "popup", seen: string[]) {
  await page.context().route(`${LMS}/**`, (route) => {
    const request = route.request();
    seen.push(`${request.url()} ${request.postData() ?? ""}`);
    const url = new URL(request.url());
    if (url.pathname === "/lms.html") return route.fulfill({ contentType: "text/html", body: lmsPage(mode) });
    if (url.pathname === "/scorm-again.js") return route.fulfill({ contentType: "text/javascript", body: SCORM_AGAIN });
    const file = files[url.pathname.replace(/^\/pkg\//, "")];
    if (!file) return route.fulfill({ status: 404, body: "" });
    const type = url.pathname.endsWith(".html")
      ? "text/html"
      : url.pathname.endsWith(".css")
        ? "text/css"
        : "text/javascript";
    return route.fulfill({ contentType: type, body: Buffer.from(file) });
  });
}

/**
 * The package's own header (Support now goes to the support on the same page) in the page or in the
 * LMS's frame, and axe over the whole page, frames included.
 */
async function checkPackagePage(page: Page, scope: Page | FrameLocator = page) {
  const banner = scope.getByRole("banner");
  await expect(banner.getByRole("link", { name: "Support now" })).toHaveAttribute("href", "#support-now");
  await expect(scope.getByRole("link", { name: "Quick exit" })).toBeInViewport();
  await expectAccessible(page);
  markChecked(page, page.url());
}

/** The trainer downloads the demo course's package from its page: the file, unzipped. */
async function downloadPackage(page: Page, { score = false } = {}) {
  await signIn(page, DEMO.trainer);
  await page.goto("/courses");
  await checkPage(page);
  await page.getByRole("link", { name: "Peer support essentials" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer support essentials" })).toBeVisible();
  await checkPage(page);
  const exports = page.getByRole("region", { name: "Export" });
  await expect(exports.getByRole("heading", { name: "SCORM 1.2 package" })).toBeVisible();
  await expect(exports).toContainText("For a learning system such as Moodle");
  await expect(exports.getByRole("heading", { name: "Markdown content files" })).toBeVisible();
  await expect(exports).toContainText("import them into Alongside again");
  if (score) await exports.getByLabel(/Also report a score/).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exports.getByRole("button", { name: "Download the SCORM package" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-support-essentials-v\d+-scorm12\.zip$/);
  return unzipSync(fs.readFileSync(await download.path()));
}

const frameOf = (page: Page) => page.frameLocator("iframe[title='Course module']");
type Sco = ReturnType<typeof frameOf>;

async function answer(sco: Sco, choices: string[]) {
  for (const choice of choices) await sco.getByLabel(choice).check();
  await sco.getByRole("button", { name: "Check my answer" }).click();
  await expect(sco.getByRole("status").filter({ hasText: "That's right." })).toBeVisible();
}

async function next(sco: Sco, title: string) {
  await sco.getByRole("link", { name: "Next", exact: true }).click();
  await expect(sco.getByRole("heading", { level: 2, name: title })).toBeVisible();
}

const cmiOf = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem("cmi") ?? "{}"));

test("a learner takes the package in the LMS's frame: a skip, knowledge checks, a reload, and nothing private sent", async ({
  page,
}) => {
  const files = await downloadPackage(page);
  const seen: string[] = [];
  await serve(page, files, "frame", seen);
  await page.goto(`${LMS}/lms.html`);
  const sco = frameOf(page);
  await expect(sco.getByRole("heading", { level: 2, name: "What peer support is, and what it is not" })).toBeVisible();
  await checkPackagePage(page, sco);
  await expect(sco.getByText("This page is not connected to a learning system")).toBeHidden();

  await answer(sco, [
    "Listening without judging",
    "Sharing parts of your own story when it might help them",
    "Helping them find other services and support",
  ]);
  await next(sco, "When contact comes out of hours");
  // The content note comes first, and skipping it is a choice as good as reading on.
  await expect(sco.getByRole("heading", { name: "Before you start: a content note" })).toBeVisible();
  await expect(sco.getByText("This section talks about: Suicide.")).toBeVisible();
  await sco.getByRole("link", { name: "Skip for now" }).click();
  await expect(sco.getByRole("heading", { level: 2, name: "Support or friendship?" })).toBeVisible();
  await answer(sco, ["Do not accept it, and explain kindly next time you talk, using your organisation's guidance."]);
  await next(sco, "Saying no kindly");
  await sco.getByRole("textbox", { name: /./ }).fill(PRIVATE);
  await expect(
    sco.getByText("It is never sent to your learning system, so your trainer never sees it.").filter({ visible: true }),
  ).toBeVisible();
  await sco.getByRole("button", { name: "Keep on this device" }).click();
  await expect(sco.getByText("Kept on this device only.")).toBeVisible();

  let cmi = await cmiOf(page);
  expect(cmi.core.lesson_status).toBe("incomplete");
  expect(cmi.core.lesson_location).toBe("s4");
  expect(JSON.parse(cmi.suspend_data)).toEqual({ s: { 1: "r", 2: "s", 3: "r" }, c: ["check-1", "check-2"] });

  // Back after a break: the LMS hands the package its suspend data, and the learner is where they were.
  await page.reload();
  await expect(sco.getByRole("heading", { level: 2, name: "Saying no kindly" })).toBeVisible();
  await checkPackagePage(page, sco);
  const outline = sco.getByRole("navigation", { name: "Sections" });
  await expect(outline.getByRole("listitem").nth(0)).toContainText("done");
  await expect(outline.getByRole("listitem").nth(1)).toContainText("skipped for now");
  await expect(sco.getByRole("textbox")).toHaveValue(PRIVATE);

  await next(sco, "Agreeing your role with your organisation");
  await answer(sco, [
    "Check with your supervisor or coordinator, and ask for it to be added to your role description.",
  ]);
  await sco.getByRole("textbox").fill(PRIVATE_TOO);
  await sco.getByRole("button", { name: "Keep on this device" }).click();
  await next(sco, "Bringing it together");
  await sco.getByRole("link", { name: "Finish" }).click();
  await expect(sco.getByText("You have finished this module.")).toBeVisible();
  await checkPackagePage(page, sco);

  cmi = await cmiOf(page);
  expect(cmi.core.lesson_status).toBe("completed");
  expect(cmi.core.lesson_location).toBe("end");
  // No score unless the export asked for one.
  expect(cmi.core.score.raw).toBe("");
  expect(cmi.interactions).toEqual({});
  const sent = await page.evaluate(() => (window as unknown as { sent: [string, string][] }).sent);
  expect(sent.map(([element]) => element)).toContain("cmi.core.lesson_status");
  for (const text of [PRIVATE, PRIVATE_TOO]) {
    expect(sent.some(([, value]) => value.includes(text))).toBe(false);
    expect(JSON.stringify(cmi)).not.toContain(text);
    expect(seen.some((line) => line.includes(text))).toBe(false);
  }
  expect(sent.some(([element]) => element.startsWith("cmi.interactions"))).toBe(false);
});

test("the package runs as a pop-up the LMS opened, reporting a score when asked, and as plain pages with no LMS", async ({
  page,
}) => {
  const files = await downloadPackage(page, { score: true });
  const seen: string[] = [];
  await serve(page, files, "popup", seen);
  await page.goto(`${LMS}/lms.html`);
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Open the module" }).click(),
  ]);
  await expect(
    popup.getByRole("heading", { level: 2, name: "What peer support is, and what it is not" }),
  ).toBeVisible();
  await expect(popup.getByText("This page is not connected to a learning system")).toBeHidden();
  for (const choice of ["Listening without judging", "Sharing parts of your own story when it might help them"]) {
    await popup.getByLabel(choice).check();
  }
  await popup.getByRole("button", { name: "Check my answer" }).click();
  await expect(popup.getByRole("status").filter({ hasText: "Not quite." })).toBeVisible();
  await popup.getByLabel("Helping them find other services and support").check();
  await popup.getByRole("button", { name: "Check my answer" }).click();
  await expect(popup.getByRole("status").filter({ hasText: "That's right." })).toBeVisible();
  await popup.getByRole("link", { name: "Next", exact: true }).click();
  await expect(popup.getByRole("heading", { name: "Before you start: a content note" })).toBeVisible();
  await checkPackagePage(popup);
  const cmi = await cmiOf(page);
  expect(cmi.core.lesson_location).toBe("s2");
  expect(JSON.parse(cmi.suspend_data).s).toEqual({ 1: "r" });
  // Asked for at export: the share of checks answered right in the sections read.
  expect(cmi.core.score).toMatchObject({ raw: "100", min: "0", max: "100" });
  await popup.close();
  await expectAccessible(page);
  markChecked(page, page.url());

  // Opened straight from the unzipped folder's address, with no LMS around it.
  await page.goto(`${LMS}/pkg/m1/index.html`);
  await expect(page.getByText("This page is not connected to a learning system")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "What peer support is, and what it is not" })).toBeVisible();
  await checkPackagePage(page);
  await page.goto(`${LMS}/pkg/index.html`);
  await expect(page.getByRole("heading", { level: 1, name: "Peer support essentials" })).toBeVisible();
  await checkPackagePage(page);
});

test("the manifest has every element SCORM 1.2 requires, and names files that are in the package", async ({ page }) => {
  const files = await downloadPackage(page);
  const xml = strFromU8(files["imsmanifest.xml"] ?? new Uint8Array());
  const names = Object.keys(files);
  // Parsed by the browser's own XML parser: a manifest that is not well-formed XML fails here.
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) return { error: doc.documentElement.textContent };
    const CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    const ADL = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    const all = (parent: Element | Document, name: string) => Array.from(parent.getElementsByTagNameNS(CP, name));
    const root = doc.documentElement;
    const organizations = all(root, "organizations")[0];
    const organization = all(root, "organization");
    const resources = all(root, "resource");
    return {
      error: null,
      root: [root.namespaceURI, root.localName, root.getAttribute("identifier")],
      schema: all(root, "schema")[0]?.textContent,
      schemaversion: all(root, "schemaversion")[0]?.textContent,
      organizationsDefault: organizations?.getAttribute("default"),
      organizationIds: organization.map((o) => o.getAttribute("identifier")),
      organizationTitles: organization.map((o) => all(o, "title")[0]?.textContent),
      items: all(root, "item").map((i) => ({
        identifier: i.getAttribute("identifier"),
        identifierref: i.getAttribute("identifierref"),
        title: all(i, "title")[0]?.textContent,
      })),
      resources: resources.map((r) => ({
        identifier: r.getAttribute("identifier"),
        type: r.getAttribute("type"),
        scormtype: r.getAttributeNS(ADL, "scormtype"),
        href: r.getAttribute("href"),
        files: all(r, "file").map((f) => f.getAttribute("href")),
        dependencies: all(r, "dependency").map((d) => d.getAttribute("identifierref")),
      })),
    };
  }, xml);
  expect(found.error).toBeNull();
  // The elements the SCORM 1.2 Content Aggregation Model requires of a package's manifest:
  // 1. <manifest> in the IMS CP 1.1.2 namespace, with an identifier;
  expect(found.root?.slice(0, 2)).toEqual(["http://www.imsproject.org/xsd/imscp_rootv1p1p2", "manifest"]);
  expect(found.root?.[2]).toMatch(/^[A-Za-z_][\w.-]*$/);
  // 2. <metadata> saying <schema>ADL SCORM</schema> and <schemaversion>1.2</schemaversion>;
  expect(found.schema).toBe("ADL SCORM");
  expect(found.schemaversion).toBe("1.2");
  // 3. <organizations> whose default names one of its <organization>s, each with a <title>;
  expect(found.organizationIds).toContain(found.organizationsDefault);
  expect(found.organizationTitles).toEqual(["Peer support essentials"]);
  // 4. <item>s with an identifier and a <title>, each launching a resource by identifierref;
  expect(found.items?.length).toBeGreaterThan(0);
  const resourceIds = new Set(found.resources?.map((r) => r.identifier));
  for (const item of found.items ?? []) {
    expect(item.identifier).toBeTruthy();
    expect(item.title).toBeTruthy();
    expect(resourceIds.has(item.identifierref)).toBe(true);
  }
  // 5. <resources>: each <resource> with an identifier, type "webcontent" and adlcp:scormtype sco or
  //    asset; a SCO has an href; every <file> and the href are in the package; dependencies resolve.
  for (const resource of found.resources ?? []) {
    expect(resource.identifier).toBeTruthy();
    expect(resource.type).toBe("webcontent");
    expect(["sco", "asset"]).toContain(resource.scormtype);
    if (resource.scormtype === "sco") {
      expect(resource.href).toBeTruthy();
      expect(resource.files).toContain(resource.href);
    }
    for (const file of resource.files) expect(names).toContain(file);
    for (const dependency of resource.dependencies) expect(resourceIds.has(dependency)).toBe(true);
  }
  // 6. The manifest is at the root of the zip, named imsmanifest.xml.
  expect(names).toContain("imsmanifest.xml");
});

test("a course that cannot leave says why on its page, and a forced export is a clear refusal, never a 500", async ({
  page,
  newPage,
}) => {
  await signIn(page, DEMO.trainer);
  await page.goto("/courses");
  await checkPage(page);
  const title = `Not yet ready ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkPage(page);
  const exports = page.getByRole("region", { name: "Export" });
  const refusal = "This course has not been published yet. Publish it first: only a published version is exported.";
  await expect(exports).toContainText(refusal);
  await expect(exports.getByRole("button")).toHaveCount(0);

  // Posted anyway (an old tab, a copied form): the app's page, saying why, and no file.
  const courseUrl = page.url();
  const answer = await page.request.post(`${courseUrl}/scorm.zip`, { form: {}, headers: { Accept: "text/html" } });
  expect(answer.status()).toBe(400);
  expect(answer.headers()["content-type"]).toMatch(/^text\/html/);
  expect(await answer.text()).toContain("This course has not been published yet.");

  // A learner has no export at all, even of a published course.
  const learner = await newPage();
  await signIn(learner, DEMO.learner);
  const demoCourse = await page.request.get("/courses");
  const id = /\/courses\/([A-Za-z0-9_-]{22})"[^>]*>Peer support essentials/.exec(await demoCourse.text())?.[1];
  expect(id).toBeTruthy();
  const refused = await learner.request.post(`/courses/${id}/scorm.zip`, { form: {} });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).not.toBe("application/zip");
});
