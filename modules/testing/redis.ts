import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";

/** A free TCP port on loopback, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real Redis server for one test run, on its own port, keeping nothing on disk. `npm test` installs
 * Debian's redis-server first when it is missing (modules/testing/ensure-redis.sh).
 */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  if (spawnSync("redis-server", ["--version"]).error) {
    throw new Error("redis-server is not installed: run `sh modules/testing/ensure-redis.sh` (as npm test does)");
  }
  const port = await freePort();
  const server: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 15_000;
  while (!output.includes("Ready to accept connections")) {
    if (server.exitCode !== null) throw new Error(`redis-server stopped at once:\n${output}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not start in 15 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}
