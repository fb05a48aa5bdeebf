import { useNavigation } from "@remix-run/react";
import { type ComponentProps, type ReactNode, useEffect, useId, useRef } from "react";
import { PageForm } from "~/components/page-links";

export type FormState = { errors?: Record<string, string>; values?: Record<string, string | string[]> } | undefined;

/** The value to show in a field: what the person typed when the form came back, else the stored value. */
export function fieldValue(state: FormState, name: string, fallback = ""): string {
  const v = state?.values?.[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? (v[0] ?? "") : v;
}

export function fieldValues(state: FormState, name: string, fallback: readonly string[] = []): string[] {
  if (!state?.values) return [...fallback];
  const v = state.values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

type FieldProps = {
  label: string;
  name: string;
  state: FormState;
  hint?: ReactNode;
  defaultValue?: string;
  multiline?: boolean;
} & Omit<ComponentProps<"input">, "name" | "defaultValue">;

/** A labelled input with its hint and error, linked for screen readers. */
export function Field({ label, name, state, hint, defaultValue, multiline, type = "text", ...rest }: FieldProps) {
  const id = useId();
  const error = state?.errors?.[name];
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const value = type === "password" ? undefined : fieldValue(state, name, defaultValue);
  const common = {
    id,
    name,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
  };
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} defaultValue={value} rows={4} required={rest.required} maxLength={rest.maxLength} />
      ) : (
        <input {...common} {...rest} type={type} defaultValue={value} />
      )}
    </div>
  );
}

/** Lists every problem at the top of a form, and takes focus so keyboard and screen reader users hear it. */
export function ErrorSummary({ state, labels }: { state: FormState; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const errors = Object.entries(state?.errors ?? {});
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  });
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Please check this</h2>
      <ul>
        {errors.map(([field, message]) => (
          <li key={field}>{labels?.[field] ? `${labels[field]}: ${message}` : message}</li>
        ))}
      </ul>
    </div>
  );
}

export function SubmitButton({
  children,
  pendingText,
  ...rest
}: { children: ReactNode; pendingText?: string } & ComponentProps<"button">) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === (rest.value ?? null);
  return (
    <button type="submit" {...rest}>
      {busy && pendingText ? pendingText : children}
    </button>
  );
}

/** A one-button POST form, for actions such as "Revoke" or "Log out". */
export function ActionButton({
  intent,
  children,
  fields,
  className,
  action,
  ...rest
}: {
  intent: string;
  children: ReactNode;
  fields?: Record<string, string>;
  className?: string;
  action?: string;
} & Omit<ComponentProps<"button">, "value" | "name">) {
  return (
    <PageForm method="post" action={action} className="inline-form">
      {Object.entries(fields ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" name="intent" value={intent} className={className} {...rest}>
        {children}
      </button>
    </PageForm>
  );
}
