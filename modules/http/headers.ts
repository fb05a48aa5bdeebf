import type { NextFunction, Request, Response } from "express";
import { secureRandomBytes } from "../shared/random";

/** On every answer, assets and refusals included: a browser must never guess a type. */
export function noSniff(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  next();
}

/**
 * For pages and their data: a content security policy with a fresh nonce, and the rest of the set.
 * `scriptSources` are the hashes of the fixed inline scripts that carry no nonce (ADR 41).
 */
export function securityHeaders(scriptSources: readonly string[]) {
  // Only the nonce changes from one answer to the next: the rest of the policy is written once.
  const hashes = scriptSources.map((source) => ` ${source}`).join("");
  const rest = [
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // 'self' covers ws: and wss: to this same host (CSP Level 3), which is all the editor needs.
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = secureRandomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'${hashes}; ${rest}`,
    );
    // Quick exit must not tell the neutral site where the person came from: no referrer leaves the site.
    // Not "no-referrer": with it a browser sends `Origin: null` on a plain form POST, and Remix refuses
    // such a POST as cross-site, so every form without JavaScript would fail.
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  };
}
