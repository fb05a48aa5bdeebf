import { type AppLoadContext, data } from "@remix-run/node";
import { ForbiddenError, InvalidError, NotFoundError } from "../../modules/shared/errors";
import { idSchema } from "../../modules/shared/ids";
import { refusalAnswer } from "./error-page.server";
import { errorText } from "./error-text";

export function notFound(message = "We could not find that page."): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = "Your role here does not include this page."): never {
  throw data({ message }, { status: 403 });
}

/** Ids from the URL: a malformed one is simply a page that does not exist. */
export function paramId(params: Record<string, string | undefined>, name: string): string {
  const parsed = idSchema.safeParse(params[name]);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** Turns the domain's errors into the responses people see: 404 and 403 pages, never a 500. */
export function toResponse(error: unknown): unknown {
  if (error instanceof NotFoundError) return data({ message: error.message }, { status: 404 });
  if (error instanceof ForbiddenError) return data({ message: error.message }, { status: 403 });
  if (error instanceof InvalidError) return data({ message: error.message }, { status: 400 });
  return error;
}

/**
 * Runs a loader or action body so domain errors thrown anywhere below become proper responses.
 * Call it inside the exported function (`export const loader = (args) => handled(async () => …)`):
 * the browser build empties `*.server.ts` modules but keeps top-level calls, so a wrapper called at
 * the top level would be undefined there and the route module would fail to load.
 */
export async function handled<Result>(body: () => Promise<Result> | Result): Promise<Result> {
  try {
    return await body();
  } catch (error) {
    throw toResponse(error);
  }
}

type Refusal = { type: "DataWithResponseInit"; data: { message?: unknown } | null; init: ResponseInit | null };

function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/**
 * The loader or action of a route without a page (a download). Remix has no error page to render
 * for such a route and answers what `handled` throws as JSON ("Unexpected Server Error"), so here a
 * refusal becomes the app's own error page for a browser, a plain-text sentence for anything else,
 * with its status. Redirects (to log in) pass through; anything unexpected stays a 500.
 */
export async function resource(
  { request, context }: { request: Request; context: AppLoadContext },
  body: () => Promise<Response> | Response,
): Promise<Response> {
  try {
    return await body();
  } catch (thrown) {
    const error = toResponse(thrown);
    if (error instanceof Response) return error;
    if (!isRefusal(error)) throw error;
    const status = error.init?.status ?? 500;
    const detail = typeof error.data?.message === "string" ? error.data.message : undefined;
    return refusalAnswer(request, status, errorText(status, detail), context.nonce);
  }
}
