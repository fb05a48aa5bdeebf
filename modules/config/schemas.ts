import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const PROXY_MESSAGE = "must be false, true (one proxy) or the number of proxies in front, such as 2";

/**
 * How many reverse proxies stand in front, each adding the address it saw to X-Forwarded-For. The
 * client is the address that many entries from the right: anything further left was written by the
 * client itself, so trusting every entry would let anyone claim any address.
 */
const proxyHops = z
  .string()
  .regex(/^(true|false|yes|no|[0-9])$/, PROXY_MESSAGE)
  .transform((v) => (v === "true" || v === "yes" ? 1 : v === "false" || v === "no" ? 0 : Number(v)));

/** Every setting the server reads from its environment, with the embedded defaults. */
export const configSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1, "must not be empty").default("data/alongside.sqlite"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SEED_DEMO: flag.default(true),
  TRUST_PROXY: proxyHops.default(0),
  /** Organisations that can be set up from one address in an hour. */
  SIGNUPS_PER_HOUR: z.coerce
    .number({ message: "must be a whole number from 1" })
    .int("must be a whole number from 1")
    .min(1, "must be a whole number from 1")
    .default(5),
  /** The public address, used where there is no request to read it from (xAPI statements for an LRS). */
  APP_ORIGIN: z
    .url({ protocol: /^https?$/, message: "must be the app's public address, such as https://alongside.example.org" })
    .transform((v) => new URL(v).origin)
    .optional(),
  LRS_ENDPOINT: z.url({ message: "must be a URL" }).optional(),
  LRS_USERNAME: z.string().optional(),
  LRS_PASSWORD: z.string().optional(),
  /** The mail server email goes through, such as smtp://user:password@mail.example.org:587. */
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: "must be an smtp:// or smtps:// address, such as smtp://mail.example.org:587",
    })
    .optional(),
  /** The sender of every email, such as "Alongside <alongside@example.org>". */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, {
      message: 'must be an email address, such as alongside@example.org or "Alongside <alongside@example.org>"',
    })
    .optional(),
  /**
   * Redis between processes, such as redis://127.0.0.1:6379: editors connected to different processes
   * see each other's changes through it (ADR 21). Not needed for one process.
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// address, such as redis://127.0.0.1:6379" })
    .optional(),
  /**
   * Pages without client code are answered by the lean path (ADR 40); off sends them through Remix's
   * full document path, to compare the two. Both give the same page.
   */
  LEAN_PAGES: flag.default(true),
  /** Megabytes of rendered lean pages kept to answer the same page again without rendering (ADR 41). */
  LEAN_PAGE_MEMORY_MB: z.coerce
    .number({ message: "must be a number of megabytes from 0" })
    .min(0, "must be a number of megabytes from 0")
    .max(4096, "must be at most 4096")
    .default(32),
  /** Processes serving requests: one per core when Redis is set, else one. */
  WORKERS: z.coerce
    .number({ message: "must be a whole number from 1" })
    .int("must be a whole number from 1")
    .min(1, "must be a whole number from 1")
    .max(64, "must be at most 64")
    .optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type Config = Omit<RawConfig, "SESSION_SECRET" | "WORKERS"> & { SESSION_SECRET: string; WORKERS: number };
