/**
 * The baseline for the learner page benchmark: a bare `node:http` server that answers every request
 * with one recorded response (status, headers and body bytes exactly as the app sent them).
 *
 *   node --import tsx e2e/bench/bare-server.ts <recorded response JSON file> <port>
 *
 * Prints "ready" once it listens on 127.0.0.1.
 */
import fs from "node:fs";
import http from "node:http";

export type RecordedResponse = {
  statusCode: number;
  /** Header name and value pairs as they arrived, without the per-connection ones. */
  headers: [string, string][];
  /** The body, base64-encoded. */
  body: string;
  /** The app sent the body chunked (no Content-Length): do the same. */
  chunked: boolean;
};

const [file = "", port = "0"] = process.argv.slice(2);
const recorded = JSON.parse(fs.readFileSync(file, "utf8")) as RecordedResponse;
const body = Buffer.from(recorded.body, "base64");

const server = http.createServer((_req, res) => {
  res.writeHead(recorded.statusCode, recorded.headers.flat());
  if (recorded.chunked) {
    res.write(body);
    res.end();
  } else {
    res.end(body);
  }
});
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
