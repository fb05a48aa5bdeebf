import { data } from "@remix-run/node";
import type { z } from "zod";
import { ForbiddenError, InvalidError, NotFoundError } from "../../modules/shared/errors";

export type FormValues = Record<string, string | string[]>;
export type FormErrors = Record<string, string>;
export type FormFailure = { ok: false; errors: FormErrors; values: FormValues; intent?: string };

/** Fields that are never sent back to the browser, even to refill a form. */
const SECRET_FIELDS = /password/i;

export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/** What the person typed, to put back in the form beside the messages. Files and secrets are left out. */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (SECRET_FIELDS.test(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** Repeated fields (checkbox groups) become arrays; everything else a single string. */
function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v) => typeof v === "string");
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export function parseForm<S extends z.ZodType>(
  form: FormData,
  schema: S,
): { ok: true; data: z.infer<S> } | FormFailure {
  const parsed = schema.safeParse(formObject(form));
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(form), intent: String(form.get("intent") ?? "") || undefined };
}

/** The 400 response that re-renders the form with its messages and what was typed. */
export function invalid(failure: Omit<FormFailure, "ok">) {
  return data({ ok: false as const, ...failure }, { status: 400 });
}

/**
 * A domain refusal becomes a message on the form, keeping what was typed: an InvalidError on its
 * field, and a "not found" or "not allowed" (a forged or stale id in a hidden field) on the form.
 */
export function invalidFromError(error: unknown, form: FormData) {
  const intent = String(form.get("intent") ?? "") || undefined;
  const values = formValues(form);
  if (error instanceof InvalidError) {
    return invalid({ errors: { [error.field ?? "form"]: error.message }, values, intent });
  }
  if (error instanceof NotFoundError || error instanceof ForbiddenError) {
    const errors: FormErrors = { form: error.message };
    return data({ ok: false as const, errors, values, intent }, { status: error instanceof NotFoundError ? 404 : 403 });
  }
  throw error;
}
