import { ConfigError } from "../config/load";
import type { Config } from "../config/schemas";

export type LrsSettings = { endpoint: string; username: string; password: string };

/**
 * The app's public origin (APP_ORIGIN), used in actor accounts and activity IRIs. It must be the same
 * for downloads and for the LRS, or one person would appear as two; a background sender has no
 * request to read it from, so it is configured.
 */
export function configuredOrigin(config: Pick<Config, "APP_ORIGIN">): string | null {
  return config.APP_ORIGIN ?? null;
}

/**
 * The LRS to send statements to, or null when none is configured. Half a configuration is an error,
 * not a silent "off": statements an organisation expects in its LRS must not quietly go nowhere.
 */
export function lrsSettings(
  config: Pick<Config, "LRS_ENDPOINT" | "LRS_USERNAME" | "LRS_PASSWORD" | "APP_ORIGIN">,
): { lrs: LrsSettings; origin: string } | null {
  const { LRS_ENDPOINT: endpoint, LRS_USERNAME: username, LRS_PASSWORD: password } = config;
  const origin = configuredOrigin(config);
  if (!endpoint) {
    if (username || password) throw new ConfigError("LRS_USERNAME and LRS_PASSWORD need LRS_ENDPOINT as well");
    return null;
  }
  if (!username || !password) throw new ConfigError("LRS_ENDPOINT needs LRS_USERNAME and LRS_PASSWORD as well");
  if (!origin) {
    throw new ConfigError("LRS_ENDPOINT needs APP_ORIGIN as well (the app's public address, used in xAPI statements)");
  }
  return { lrs: { endpoint, username, password }, origin };
}
