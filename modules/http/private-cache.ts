import type { NextFunction, Request, Response } from "express";
import { hasSessionCookie } from "../accounts/cookie";

/**
 * Everything sent to someone signed in is personal (journals, learner pages, dashboards, exports):
 * no browser or proxy may keep it, so that Back after logging out, or the next person at a shared
 * computer, finds nothing. Routes that need more say so themselves; assets are served before this.
 */
export function privateWhenSignedIn(req: Request, res: Response, next: NextFunction) {
  if (hasSessionCookie(req.headers.cookie)) res.setHeader("Cache-Control", "no-store");
  next();
}
