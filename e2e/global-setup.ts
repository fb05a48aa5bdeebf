/**
 * Starts the server most tests share: the built app on a free port, with a fresh temporary database
 * seeded with the demo organisation. Workers find it through the environment variables below; the
 * function returned here is the global teardown (SIGTERM, then the temporary folder is removed).
 */
import { startServer } from "./support/server";
import { BASE_URL_VARIABLE, DATABASE_PATH_VARIABLE } from "./support/shared-server";

export default async function globalSetup() {
  // Every test signs up from 127.0.0.1: the per-address limit on sign-ups would stop the suite.
  const server = await startServer({ label: "shared server", env: { SIGNUPS_PER_HOUR: "100000" } });
  process.env[BASE_URL_VARIABLE] = server.baseURL;
  process.env[DATABASE_PATH_VARIABLE] = server.databasePath;
  return async () => {
    const status = await server.stop("SIGTERM");
    await server.remove();
    if (status.code !== 0) {
      throw new Error(
        `The shared server did not shut down cleanly on SIGTERM (exit code ${status.code}, signal ${status.signal}). It printed:\n${server.output()}`,
      );
    }
  };
}
