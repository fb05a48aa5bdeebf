import {
  type AppLoadContext,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type express from "express";
import { withReplayedActions } from "./action-replay";
import { bodyOf } from "./body-limit";
import { sendWholePage, type WholePage } from "./whole-page";

/**
 * Remix behind Express, as @remix-run/express does it, except that the body Remix reads is the one
 * `limitBody` already read within the limit, never a stream of whatever the client keeps sending.
 */
function remixRequest(req: express.Request, res: express.Response, abortable: boolean): Request {
  // req.hostname follows "trust proxy"; the port comes from X-Forwarded-Host or Host, as upstream.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  // The Request parses (and refuses) the address itself: parsing it here too cost as much again.
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : bodyOf(req);
  const init: RequestInit = { method: req.method, headers, body: body ?? null };
  if (abortable) {
    // Loaders and actions stop when the answer can no longer be sent (the browser went away).
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    init.signal = controller.signal;
  }
  return new Request(url, init);
}

async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A route's own header replaces a default set earlier (Cache-Control); cookies each stay a header.
  for (const [name, value] of response.headers.entries()) {
    if (name === "set-cookie") res.append(name, value);
    else res.setHeader(name, value);
  }
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The build's lean path for pages without client code (app/lib/lean-pages.server.tsx, ADR 40). */
type LeanPages = (request: Request, context: AppLoadContext) => Promise<WholePage | Response | null>;
type LeanOptions = { memoryBytes: number };

function leanPagesOf(build: ServerBuild, options: LeanOptions): LeanPages | null {
  const create = (build.entry.module as { createLeanPages?: (build: ServerBuild, options: LeanOptions) => LeanPages })
    .createLeanPages;
  return create ? create(build, options) : null;
}

/**
 * The CSP sources of the build's fixed inline scripts (app/lib/inline-scripts.server.ts). A build
 * without them would have its quick exit blocked on every page, so it does not start.
 */
export function inlineScriptSourcesOf(build: ServerBuild): readonly string[] {
  const sources = (build.entry.module as { INLINE_SCRIPT_SOURCES?: readonly string[] }).INLINE_SCRIPT_SOURCES;
  if (!sources?.length) throw new Error("the build's server entry exports no INLINE_SCRIPT_SOURCES");
  return sources;
}

export function remixHandler(options: {
  build: ServerBuild;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  /** The lean path (ADR 40), and how many bytes of rendered pages it may remember (ADR 41; 0: none). */
  leanPages: false | LeanOptions;
}) {
  // An action the lean path ran and handed over is given back to Remix, never run twice (ADR 42).
  const handle = createRequestHandler(withReplayedActions(options.build), "production");
  const lean = options.leanPages ? leanPagesOf(options.build, options.leanPages) : null;
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const context = options.getLoadContext(req, res);
      // A lean GET only reads and answers in one piece, so there is nothing to stop if the browser
      // goes away; watching for that (the controller, the listener, the Request following its signal)
      // was a twentieth of such a page's work. Remix's path always gets a Request that is watched; for
      // a post the lean path began, its action's outcome is replayed (ADR 42).
      const watched = !lean || req.method !== "GET";
      let request = remixRequest(req, res, watched);
      if (lean) {
        const answer = await lean(request, context);
        if (answer instanceof Response) return await sendResponse(res, answer);
        if (answer) return sendWholePage(req, res, answer);
        // What the lean path read or left unwatched, Remix is given afresh (the body was read in full
        // before, so it is there to give again): copying every post's body for the rare hand-over
        // cost more than making the request again for it.
        if (!watched || request.bodyUsed) request = remixRequest(req, res, true);
      }
      const response = await handle(request, context);
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
