/**
 * The HTTP layer under requests no browser sends: oversized and chunked bodies, legacy data requests,
 * and the headers every answer carries. Sent with node:http or Playwright's request context.
 */
import http from "node:http";
import { expect, test } from "./support/fixtures";
import { streamChunkedBody } from "./support/raw-http";

const MiB = 1024 * 1024;
const TOO_LARGE = "That is too much to send at once (the limit is 2 MB).";

test.describe("request bodies", () => {
  test("a chunked body with no length is refused with 413 once it passes 2 MB, before the rest is read", async ({
    baseURL,
  }) => {
    // No log-in needed: the log-in form itself is the target.
    const answer = await streamChunkedBody(baseURL ?? "", "/login", {
      total: 256 * MiB,
      prefix: "email=someone%40example.org&padding=",
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE);
    expect(answer.headers.connection).toBe("close");
    // Answered soon after the limit: what was sent beyond it sat in socket buffers, unread.
    expect(answer.sentBeforeAnswer).toBeGreaterThan(2 * MiB);
    expect(answer.sentBeforeAnswer).toBeLessThan(24 * MiB);

    const health = await fetch(`${baseURL}/healthz`);
    expect(await health.text()).toBe("ok");
  });

  test("a chunked body under the limit is read and answered as usual", async ({ baseURL }) => {
    const answer = await streamChunkedBody(baseURL ?? "", "/login", {
      total: Math.floor(1.5 * MiB),
      prefix: "email=someone%40example.org&padding=",
    });
    // The form is read in full: its missing password is explained, as for any form.
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Enter your password.");
  });

  test("a declared Content-Length over the limit is refused before anything is read", async ({ baseURL }) => {
    const url = new URL("/signup", baseURL);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(100 * MiB),
          Origin: url.origin,
        },
      });
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on("error", reject);
      // Only the headers are sent: the answer must not wait for a body.
      request.flushHeaders();
    });
    expect(answer).toEqual({ status: 413, body: TOO_LARGE });
  });
});
