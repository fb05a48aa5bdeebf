import type { z } from "zod";
import { type FormValues, invalid, invalidFromError, parseForm, readForm } from "./forms.server";

/**
 * An action declared as a table of intents: each names the schema its form must match and what to
 * run with the parsed input. `dispatch` reads the form once, finds the intent (the pressed button's
 * `intent` value), parses, runs, and turns domain refusals into form messages that keep what was
 * typed, so routes no longer hand-write the same chain.
 */
export type Intent<Ctx, Input, Result> = {
  schema?: z.ZodType<Input>;
  run: (ctx: Ctx, input: Input, form: FormData) => Result;
};

/** An intent whose handler's input is what its schema parses to. */
export function intent<Ctx, Input = undefined, Result = unknown>(
  declaration: Intent<Ctx, Input, Result>,
): Intent<Ctx, Input, Result> {
  return declaration;
}

export const NO_INTENT = "Choose what to do next.";

// biome-ignore lint/suspicious/noExplicitAny: each intent of a table has its own input type
type Table<Ctx> = Record<string, Intent<Ctx, any, unknown>>;
// What each intent's handler returns, matched on `run` alone: no intent is an Intent<never, never, R>
// (its context and schema are not assignable to never), so matching the whole of it lost every result.
type Results<T> = { [K in keyof T]: T[K] extends { run: (...args: never[]) => infer R } ? Awaited<R> : never }[keyof T];
type Refusal = ReturnType<typeof invalid> | ReturnType<typeof invalidFromError>;

export async function dispatch<Ctx, T extends Table<Ctx>>(
  request: Request,
  ctx: Ctx,
  intents: T,
  options: {
    /** The form, when the route has read it already. */
    form?: FormData;
    /** What an input's messages are labelled with, where a page has several forms of one intent. */
    intentOf?: Record<string, string>;
    /**
     * The intent of a form that names none: a page with one thing to do (create, mark as seen) keeps
     * a plain submit button, and its use case still decides who may do it.
     */
    fallback?: keyof T & string;
  } = {},
): Promise<Results<T> | Refusal> {
  const form = options.form ?? (await readForm(request));
  const name = String(form.get("intent") ?? options.fallback ?? "");
  const declared = Object.hasOwn(intents, name) ? intents[name] : undefined;
  if (!declared) return invalid({ errors: { form: NO_INTENT }, values: {} as FormValues });
  let input: unknown;
  if (declared.schema) {
    const parsed = parseForm(form, declared.schema);
    if (!parsed.ok) return invalid({ ...parsed, intent: options.intentOf?.[name] ?? name });
    input = parsed.data;
  }
  try {
    return (await declared.run(ctx, input, form)) as Results<T>;
  } catch (error) {
    return invalidFromError(error, form);
  }
}
