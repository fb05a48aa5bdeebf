/**
 * The load generator of the learner-journey benchmark, in its own process (pinned to its own core).
 *
 *   node --import tsx e2e/bench/journey-run.ts '<options JSON>'
 *
 * Each learner, on its own keep-alive connection, posts "Next" on the section it is at and then
 * loads the page the answer sends it to: one step. After the course's last section it starts the
 * course again from the first. With `rate`, steps start on a fixed schedule spread over the
 * learners (a step that falls behind starts at once); without, each learner steps as fast as the
 * server answers. Prints one line of JSON: steps, failures, seconds and every step's time.
 */
import http from "node:http";

export type JourneyLearner = { cookie: string; first: string };
export type JourneyOptions = {
  baseURL: string;
  learners: JourneyLearner[];
  duration: number;
  /** Steps a second across all learners; none = as fast as possible. */
  rate?: number;
};
/** `answered`: posts the server took (a redirect), whether or not the page after it then loaded. */
export type JourneyResult = { steps: number; answered: number; failures: string[]; seconds: number; times: number[] };

const options = JSON.parse(process.argv[2] ?? "{}") as JourneyOptions;
const origin = new URL(options.baseURL);
const agent = new http.Agent({ keepAlive: true, maxSockets: options.learners.length });

type Answer = { status: number; location: string | undefined };

function send(method: "GET" | "POST", pathname: string, cookie: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { Cookie: cookie, "Accept-Encoding": "gzip" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = Buffer.byteLength(body);
      headers.Origin = options.baseURL;
    }
    const request = http.request(
      { host: origin.hostname, port: origin.port, path: pathname, method, headers, agent },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const failures: string[] = [];
const times: number[] = [];
let steps = 0;
let answered = 0;
const started = performance.now();
const deadline = started + options.duration * 1000;
/** Between one learner's scheduled steps, so that all of them together make `rate` a second. */
const interval = options.rate ? (options.learners.length / options.rate) * 1000 : 0;

async function walk(learner: JourneyLearner, index: number) {
  let here = learner.first;
  let next = started + (interval * index) / options.learners.length;
  while (performance.now() < deadline) {
    if (interval) {
      // A step due after the end is not waited for: the phase's seconds would count that wait.
      if (next >= deadline) break;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      next += interval;
    }
    const start = performance.now();
    try {
      const posted = await send("POST", here, learner.cookie, "intent=next");
      if (posted.status !== 302 || !posted.location) throw new Error(`next answered ${posted.status}`);
      answered += 1;
      const page = await send("GET", posted.location, learner.cookie);
      if (page.status !== 200) throw new Error(`${posted.location} answered ${page.status}`);
      times.push(performance.now() - start);
      steps += 1;
      here = posted.location.includes("/s/") ? posted.location : learner.first;
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
}

await Promise.all(options.learners.map((learner, index) => walk(learner, index)));
const result: JourneyResult = { steps, answered, failures, seconds: (performance.now() - started) / 1000, times };
process.stdout.write(`${JSON.stringify(result)}\n`);
agent.destroy();
