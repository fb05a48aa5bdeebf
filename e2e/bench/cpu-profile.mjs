/**
 * Preloaded into a server under benchmark (NODE_OPTIONS="--import <this file>", with BENCH_CPU_PROF
 * set to a folder): records a V8 CPU profile of the whole run and writes it there when the process
 * exits, to open in Chrome DevTools or speedscope. (Node 20 does not allow --cpu-prof in NODE_OPTIONS.)
 */
import fs from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const folder = process.env.BENCH_CPU_PROF;
if (folder) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 100 });
  session.post("Profiler.start");
  process.on("exit", () => {
    // The in-process session answers synchronously, so this completes before the process ends.
    session.post("Profiler.stop", (error, result) => {
      if (error || !result) return;
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
