import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server standing in for an LRS in tests: it records every request, accepts statements
 * like an LRS (200 with their ids; 400 for a batch repeating an id), and can be told to fail or hang.
 */
export type Received = { url: string; headers: http.IncomingHttpHeaders; statements: { id: string }[] };

export async function startFakeLrs(port = 0) {
  const requests: Received[] = [];
  /** Ids in the order the LRS accepted (stored) them. */
  const accepted: string[] = [];
  let failWith: number | null = null;
  let hanging = false;
  const refused = new Set<string>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      // A GET lists statements, as a real LRS would answer one (here: none).
      if (req.method !== "POST") {
        requests.push({ url: req.url ?? "", headers: req.headers, statements: [] });
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ statements: [], more: "" }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string } | { id: string }[];
      const statements = Array.isArray(body) ? body : [body];
      requests.push({ url: req.url ?? "", headers: req.headers, statements });
      // Never answering: the request stays open until the client gives up or the server closes.
      if (hanging) return;
      const ids = statements.map((s) => s.id);
      const answer = (status: number, json: unknown) => {
        const moved = status >= 300 && status < 400 ? { Location: "/xapi/moved" } : {};
        res.writeHead(status, { "Content-Type": "application/json", ...moved });
        res.end(JSON.stringify(json));
      };
      if (failWith !== null) return answer(failWith, { message: "Unavailable for a moment" });
      if (new Set(ids).size !== ids.length) return answer(400, { message: "Duplicate statement ids in one batch" });
      if (ids.some((id) => refused.has(id))) return answer(409, { message: "A different statement has this id" });
      accepted.push(...ids);
      answer(200, ids);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    port: actualPort,
    endpoint: `http://127.0.0.1:${actualPort}/xapi`,
    requests,
    accepted,
    fail: (status: number) => {
      failWith = status;
    },
    recover: () => {
      failWith = null;
    },
    refuse: (id: string) => refused.add(id),
    hang: () => {
      hanging = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (found by listening briefly), to play an LRS that is down. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
