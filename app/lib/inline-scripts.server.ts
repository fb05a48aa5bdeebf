import { createHash } from "node:crypto";
import { quickExitScript } from "./quick-exit";

/**
 * CSP sources for the fixed inline scripts of our own, by their hash (ADR 41). A page without client
 * code then holds no per-answer nonce, so the same page is the same bytes, which the lean path's
 * memory of rendered pages relies on.
 */
export const INLINE_SCRIPT_SOURCES: readonly string[] = [quickExitScript].map(
  (script) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`,
);
