import type { NextFunction, Request, Response } from "express";
import { MAX_IMAGE_BYTES } from "../images/limits";

/** Forms are small; CSV uploads are the largest thing anyone posts, apart from images. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const TOO_LARGE_MESSAGE = "That is too much to send at once (the limit is 2 MB).";

export type BodyLimit = { bytes: number; message: string };

/** An image upload: the image itself and a little room for the form around it. */
const IMAGE_UPLOAD = /^\/workshop\/[^/]+\/images$/;
export const IMAGE_UPLOAD_LIMIT: BodyLimit = {
  bytes: MAX_IMAGE_BYTES + 64 * 1024,
  message: "That image is too large to upload (the limit is 5 MB). Save a smaller copy and try again.",
};

/** The limit for a request: image uploads have their own, everything else the one for forms. */
export function bodyLimitFor(req: Pick<Request, "method" | "path">): BodyLimit {
  if (req.method === "POST" && IMAGE_UPLOAD.test(req.path)) return IMAGE_UPLOAD_LIMIT;
  return { bytes: MAX_BODY_BYTES, message: TOO_LARGE_MESSAGE };
}

const bodies = new WeakMap<Request, Buffer<ArrayBuffer>>();

/** The request's body as read by `limitBody`, or undefined when it had none. */
export function bodyOf(req: Request): Buffer<ArrayBuffer> | undefined {
  return bodies.get(req);
}

function hasBody(req: Request) {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/**
 * Reads each request body into memory before anything parses it, counting the bytes that actually
 * arrive: a chunked body has no Content-Length to trust. Past the limit it stops reading and answers
 * 413 at once; the connection is then closed, so the rest is never read.
 */
export function limitBody(limitFor: (req: Request) => BodyLimit = bodyLimitFor) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    const { bytes: limit, message } = limitFor(req);
    if (Number(req.headers["content-length"] ?? 0) > limit) return refuse(req, res, message);
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        stop();
        refuse(req, res, message);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      bodies.set(req, Buffer.concat(chunks, received));
      next();
    };
    // The sender went away mid-body: there is no one to answer.
    const onError = () => {
      stop();
      req.destroy();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

/** How long a refused sender has to read the answer before the connection is dropped. */
const LINGER_MS = 1000;

function refuse(req: Request, res: Response, message: string) {
  req.pause();
  // After a "Connection: close" answer Node destroys the socket at once. With the sender's bytes still
  // arriving unread, that sends a reset which can overtake the answer, so the sender sees a broken
  // connection instead of the 413. As Go's net/http does: close our side, read nothing more, and give
  // the sender a moment to read the answer before dropping the connection.
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  res.setHeader("Connection", "close");
  res.status(413).type("text/plain").send(message);
}
