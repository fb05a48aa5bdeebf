import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * Debian's Chromium (e2e/ensure-chromium.sh installs it): Playwright's own browser download is not
 * reachable here. CHROMIUM_PATH overrides the search.
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    return "/usr/bin/chromium";
  }
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Starts the built server on a free port with a fresh database; its return value is the teardown.
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  // The machine has two cores.
  workers: 2,
  // A flaky test is fixed, never retried.
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  // Password hashing is deliberately slow (scrypt), and a few flows sign up several people.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    locale: "en-GB",
    timezoneId: "Europe/London",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // Recording traces costs about an eighth of the suite's time; pass --trace=retain-on-failure when
    // a failure needs one. Every failure still leaves a screenshot and an accessibility snapshot.
    trace: "off",
    screenshot: "only-on-failure",
  },
});
