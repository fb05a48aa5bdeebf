import { expect, type Page } from "@playwright/test";

/** Expects none of the secrets in the page's HTML (with JavaScript, its loader data included). */
export async function expectNoSecrets(page: Page, secrets: string[]) {
  const html = await page.content();
  for (const secret of secrets) expect(html, `${page.url()} shows a learner's private words`).not.toContain(secret);
}
