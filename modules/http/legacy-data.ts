import type { NextFunction, Request, Response } from "express";

/**
 * `?_data=` was how Remix's client asked for loader data before single fetch. Our client never sends
 * it, but Remix still half-handles such requests on the server and answers some of them with 500.
 * Nothing legitimate uses the parameter, so every such request is refused here, plainly.
 */
export function refuseLegacyDataRequests(req: Request, res: Response, next: NextFunction) {
  if (!new URL(req.originalUrl, "http://alongside.invalid").searchParams.has("_data")) return next();
  res.status(400).type("text/plain").send("Alongside does not answer this kind of request.");
}
