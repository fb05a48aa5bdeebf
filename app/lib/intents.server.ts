import type { z } from "zod";
import { type FormValues, invalid, invalidFromError, parseForm, readForm } from "./forms.server";

/**
 * An action declared as a table of intents: each names the schema its form must match and what to
 * run with the parsed input. `dispatch` reads the form once, finds the intent (the pressed button's
 * `intent` value), parses, runs, and turns domain refusals into form messages that keep what was
 * typed, so routes no longer hand-write the same chain.
 */
export type Intent<Ctx, Input = unknown> = {
  schema?: z.ZodType<Input>;
  run: (ctx: Ctx, input: Input, form: FormData) => unknown;
};

/** Typed intent declarations: the input of `run` is what the schema parses to. */
export function intent<Ctx, Input>(declaration: Intent<Ctx, Input>): Intent<Ctx, unknown> {
  return declaration as Intent<Ctx, unknown>;
}

export const NO_INTENT = "Choose what to do next.";

export async function dispatch<Ctx>(
  request: Request,
  ctx: Ctx,
  intents: Record<string, Intent<Ctx, unknown>>,
  options: { form?: FormData } = {},
) {
  const form = options.form ?? (await readForm(request));
  const name = String(form.get("intent") ?? "");
  const declared = Object.hasOwn(intents, name) ? intents[name] : undefined;
  if (!declared) return invalid({ errors: { form: NO_INTENT }, values: {} as FormValues });
  let input: unknown;
  if (declared.schema) {
    const parsed = parseForm(form, declared.schema);
    if (!parsed.ok) return invalid({ ...parsed, intent: name });
    input = parsed.data;
  }
  try {
    return await declared.run(ctx, input, form);
  } catch (error) {
    return invalidFromError(error, form);
  }
}
