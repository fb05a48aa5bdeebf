/**
 * The `test` every spec imports. On top of Playwright's own fixtures it gives:
 *
 * - `baseURL`: the shared server the global setup started, so `page.goto("/login")` just works;
 * - `page`: tracked, so a test fails if it visited a page it never checked with `checkPage`, or if
 *   the server answered 5xx, or the page threw an uncaught error;
 * - `newPage(options?)`: another person in their own browser context (own cookies), tracked the same
 *   way; it shares the test's `javaScriptEnabled` unless the options say otherwise;
 * - `startServer(options?)`: a separate server with its own database, stopped and removed after the test.
 */
import { type BrowserContext, type BrowserContextOptions, test as base, type Page } from "@playwright/test";
import { type RunningServer, type ServerOptions, startServer } from "./server";
import { sharedServer } from "./shared-server";
import { problemsOf, trackPage } from "./tracking";

type Fixtures = {
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  startServer: (options?: ServerOptions) => Promise<RunningServer>;
};

function failOnProblems(pages: Page[], passed: boolean) {
  if (!passed) return;
  const problems = pages.flatMap((page) => problemsOf(page));
  if (problems.length > 0) throw new Error(problems.join("\n\n"));
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  baseURL: async ({}, use) => {
    await use(sharedServer.baseURL);
  },

  page: async ({ page, javaScriptEnabled }, use, testInfo) => {
    trackPage(page, { javaScriptEnabled });
    await use(page);
    failOnProblems([page], testInfo.status === testInfo.expectedStatus);
  },

  newPage: async ({ browser, baseURL, javaScriptEnabled }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      const page = await context.newPage();
      trackPage(page, { javaScriptEnabled: options.javaScriptEnabled ?? javaScriptEnabled });
      pages.push(page);
      return page;
    });
    try {
      failOnProblems(pages, testInfo.status === testInfo.expectedStatus);
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  startServer: async ({}, use) => {
    const servers: RunningServer[] = [];
    await use(async (options = {}) => {
      const server = await startServer(options);
      servers.push(server);
      return server;
    });
    // Stop in reverse order, so a restarted server is stopped before the folder it shares is removed.
    for (const server of servers.reverse()) await server.stop("SIGTERM");
    for (const server of servers) await server.remove();
  },
});

export { expect } from "@playwright/test";
