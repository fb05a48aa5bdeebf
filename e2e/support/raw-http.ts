/**
 * Requests as a script sends them, below what a browser or Playwright's request context allows:
 * a chunked body with no Content-Length, streamed until the server answers.
 */
import http from "node:http";

export type StreamedAnswer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of body written before the answer arrived (or all of them, when it came only after). */
  sentBeforeAnswer: number;
};

/**
 * POSTs `total` bytes of `filler` with `Transfer-Encoding: chunked`, one chunk at a time, and stops
 * sending as soon as the server answers: a server that reads everything first answers only at the end.
 */
export function streamChunkedBody(
  baseURL: string,
  path: string,
  options: { total: number; prefix?: string; chunkBytes?: number; headers?: Record<string, string> },
): Promise<StreamedAnswer> {
  const url = new URL(path, baseURL);
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const filler = Buffer.alloc(chunkBytes, "a");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answeredAt: number | null = null;
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Transfer-Encoding": "chunked",
        Origin: url.origin,
        ...options.headers,
      },
    });
    request.on("response", (response) => {
      answeredAt = sent;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          sentBeforeAnswer: answeredAt ?? sent,
        }),
      );
      response.on("error", reject);
    });
    // Once the server has answered and closed, writing more fails; that is the point, not an error.
    request.on("error", (error) => {
      if (answeredAt === null) reject(error);
    });
    const answered = new Promise<void>((done) => request.once("response", () => done()));
    void (async () => {
      if (options.prefix) {
        request.write(options.prefix);
        sent += Buffer.byteLength(options.prefix);
      }
      while (answeredAt === null && sent < options.total && !request.destroyed) {
        const size = Math.min(chunkBytes, options.total - sent);
        const flushed = request.write(size === chunkBytes ? filler : filler.subarray(0, size));
        sent += size;
        if (!flushed) await Promise.race([new Promise((done) => request.once("drain", done)), answered]);
      }
      if (answeredAt === null && !request.destroyed) request.end();
    })();
  });
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; bytes: Buffer };

/** A GET with exactly these headers, and the body bytes exactly as they came (not decompressed). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      })
      .on("error", reject);
  });
}
