import type { NextFunction, Request, Response } from "express";

/** SameSite=Lax already stops cross-site POSTs in current browsers; checking Origin covers older ones. */
export function sameOriginWrites(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== req.get("host")) {
      res.status(403).type("text/plain").send("This form must be sent from Alongside itself.");
      return;
    }
  }
  next();
}
