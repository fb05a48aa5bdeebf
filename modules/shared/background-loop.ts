/**
 * A job run every few seconds in the background, as the outbox senders are: one run at a time, a
 * timer that never keeps the process alive, and a stop() that waits for the run in flight, so its
 * rows are settled before the database closes.
 */
export type BackgroundLoop = { tick: () => Promise<void>; stop: () => Promise<void>; isStopped: () => boolean };

export function repeatInBackground(intervalMs: number, run: () => Promise<void>): BackgroundLoop {
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    tick,
    isStopped: () => stopped,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Tells the log when delivery starts failing and when it recovers, once each, never on every tick:
 * a server without its mail or LRS for a day would otherwise log thousands of the same line.
 */
export function reportChanges(log: (message: string) => void, words: { failing: string; recovered: string }) {
  let lastError: string | null = null;
  return (result: { error: string | null; sent: number }) => {
    if (result.error && result.error !== lastError) log(`${words.failing}: ${result.error}`);
    if (!result.error && lastError && result.sent > 0) log(words.recovered);
    if (result.error || result.sent > 0) lastError = result.error;
  };
}
