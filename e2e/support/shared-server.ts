import fs from "node:fs";

/** Set by the global setup for every worker. */
export const BASE_URL_VARIABLE = "E2E_BASE_URL";
export const DATABASE_PATH_VARIABLE = "E2E_DATABASE_PATH";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with "npx playwright test" so the global setup runs.`);
  return value;
}

/** The server the global setup started, which most tests share (in parallel: use unique emails). */
export const sharedServer = {
  get baseURL() {
    return required(BASE_URL_VARIABLE);
  },
  get databasePath() {
    return required(DATABASE_PATH_VARIABLE);
  },
  /** The secret the server generated beside its database (it signs invitation and session tokens). */
  sessionSecret() {
    return fs.readFileSync(`${this.databasePath}.secret`, "utf8").trim();
  },
};
