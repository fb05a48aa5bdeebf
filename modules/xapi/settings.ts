import { z } from "zod";
import { ConfigError } from "../config/load";
import type { Config } from "../config/schemas";

export type LrsSettings = { endpoint: string; username: string; password: string };

const originSchema = z.url({
  protocol: /^https?$/,
  message: "must be the app's public address, such as https://alongside.example.org",
});

/**
 * The app's public origin (APP_ORIGIN), used in actor accounts and activity IRIs. It must be the same
 * for downloads and for the LRS, or one person would appear as two; a background sender has no
 * request to read it from, so it is configured.
 */
export function configuredOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.APP_ORIGIN;
  if (raw === undefined || raw === "") return null;
  const parsed = originSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(`APP_ORIGIN ${parsed.error.issues[0]?.message} (got ${JSON.stringify(raw)})`);
  return new URL(parsed.data).origin;
}

/**
 * The LRS to send statements to, or null when none is configured. Half a configuration is an error,
 * not a silent "off": statements an organisation expects in its LRS must not quietly go nowhere.
 */
export function lrsSettings(
  config: Pick<Config, "LRS_ENDPOINT" | "LRS_USERNAME" | "LRS_PASSWORD">,
  env: Record<string, string | undefined> = process.env,
): { lrs: LrsSettings; origin: string } | null {
  const { LRS_ENDPOINT: endpoint, LRS_USERNAME: username, LRS_PASSWORD: password } = config;
  // Checked even without an LRS, so a mistyped APP_ORIGIN stops the start, not a later download.
  const origin = configuredOrigin(env);
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
