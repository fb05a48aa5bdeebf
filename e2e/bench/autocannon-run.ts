/**
 * Runs one autocannon measurement and prints its result as one line of JSON, so the learner page
 * benchmark can run the load generator in its own process (pinned to its own core).
 *
 *   node --import tsx e2e/bench/autocannon-run.ts '<options JSON>'
 *
 * Options: url, headers, connections, duration (s), overallRate (requests/s across all connections;
 * none = as fast as possible), latencies (true: also report the p95 of every response time, which
 * autocannon's own summary does not give).
 */
import autocannon from "autocannon";

export type RunOptions = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
  overallRate?: number;
  latencies?: boolean;
};

export type RunResult = {
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
  /** From autocannon's histogram. */
  latency: { p50: number; p90: number; p97_5: number; p99: number; mean: number; max: number };
  /** From every response time, when asked for. */
  p95: number | null;
  p50: number | null;
};

const options = JSON.parse(process.argv[2] ?? "{}") as RunOptions;
const times: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: options.url,
      headers: options.headers,
      connections: options.connections,
      duration: options.duration,
      ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    },
    (error, done) => (error ? reject(error) : resolve(done)),
  );
  if (options.latencies) {
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  }
});
times.sort((a, b) => a - b);
const at = (p: number) =>
  times.length === 0 ? null : (times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? null);
const output: RunResult = {
  requestsPerSecond: result.requests.average,
  requests: result.requests.total,
  seconds: result.duration,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  bytesPerSecond: result.throughput.average,
  latency: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    mean: result.latency.mean,
    max: result.latency.max,
  },
  p95: options.latencies ? at(0.95) : null,
  p50: options.latencies ? at(0.5) : null,
};
console.log(JSON.stringify(output));
