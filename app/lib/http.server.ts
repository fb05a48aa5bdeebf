import { data } from "@remix-run/node";
import { ForbiddenError, InvalidError, NotFoundError } from "../../modules/shared/errors";
import { idSchema } from "../../modules/shared/ids";

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
