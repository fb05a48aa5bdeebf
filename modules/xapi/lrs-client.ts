import type { LrsSettings } from "./settings";
import type { Statement } from "./types";

export type PostOutcome =
  | { ok: true }
  | {
      ok: false;
      status: number | null;
      error: string;
      /** Worth splitting the batch to find the statement at fault. */
      perStatement: boolean;
    };

/** Answers that may concern one statement of a batch: invalid, conflicting id, or too large. */
const PER_STATEMENT = new Set([400, 409, 413]);

function statementsUrl(endpoint: string) {
  return new URL("statements", endpoint.endsWith("/") ? endpoint : `${endpoint}/`).href;
}

/** POSTs a batch to the LRS's statements resource (xAPI 1.0.3, HTTP Basic). Never throws. */
export async function postStatements(
  lrs: LrsSettings,
  statements: Statement[],
  signal?: AbortSignal,
): Promise<PostOutcome> {
  const auth = Buffer.from(`${lrs.username}:${lrs.password}`).toString("base64");
  try {
    const response = await fetch(statementsUrl(lrs.endpoint), {
      method: "POST",
      headers: {
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        Authorization: `Basic ${auth}`,
      },
      body: JSON.stringify(statements),
      // A redirect is an answer to look at, not to follow: fetch would turn the POST into a GET,
      // whose 200 would look like the statements were stored.
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(30_000)]) : AbortSignal.timeout(30_000),
    });
    const body = await response.text().catch(() => "");
    if (response.ok) return { ok: true };
    const detail = body.trim().slice(0, 300);
    return {
      ok: false,
      status: response.status,
      error: `The LRS answered ${response.status} ${response.statusText}${detail ? `: ${detail}` : ""}`,
      perStatement: PER_STATEMENT.has(response.status),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, status: null, error: `Could not reach the LRS (${reason})`, perStatement: false };
  }
}
