import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireContext } from "~/lib/auth.server";
import { history } from "~/lib/domain.server";
import { handled, notFound, paramId } from "~/lib/http.server";

type DiffField = history.DiffField;
type DiffPart = history.DiffPart;

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const url = new URL(request.url);
    const refs = history.compareSchema.safeParse({
      from: url.searchParams.get("from"),
      to: url.searchParams.get("to"),
    });
    if (!refs.success) notFound("Choose two versions to compare.");
    return history.compareVersions(ctx, context.runtime.collab, paramId(params, "moduleId"), refs.data);
  });

const CHANGE_TEXT = { added: " (added)", removed: " (removed)", changed: " (changed)" } as const;

function Words({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, k) =>
        part.change === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <ins key={k}>
            <span className="visually-hidden">added: </span>
            {part.text}
          </ins>
        ) : part.change === "removed" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <del key={k}>
            <span className="visually-hidden">removed: </span>
            {part.text}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <span key={k}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** A setting as before → after when it changed; otherwise just its value. */
function Setting({ field }: { field: Extract<DiffField, { kind: "setting" }> }) {
  if (field.change !== "changed") return <>{field.to ?? field.from}</>;
  return (
    <>
      <del>{field.from}</del> → <ins>{field.to}</ins>
    </>
  );
}

function FieldValue({ field }: { field: DiffField }) {
  if (field.kind === "note") return <>{field.text}</>;
  if (field.kind === "setting") return <Setting field={field} />;
  return <Words parts={field.parts} />;
}

export default function Compare() {
  const { moduleId, fromName, toName, rows } = useLoaderData<typeof loader>();
  const changed = rows.filter((r) => r.change !== null);
  return (
    <>
      <p>
        <Link to={`/workshop/${moduleId}/history`}>Back to history</Link>
      </p>
      <h2>
        From “{fromName}” to “{toName}”
      </h2>
      <p>
        {changed.length === 0
          ? "No differences in the text, the blocks or their settings."
          : `${changed.length} ${changed.length === 1 ? "part differs" : "parts differ"}. Added words are underlined and marked “added”; removed words are struck through and marked “removed”; a changed setting shows what it was, then what it is now.`}
      </p>
      <ol className="diff">
        {rows.map((row, i) => {
          const [only] = row.fields;
          const single = row.fields.length === 1 && only && only.label === null;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place in the comparison
            <li key={i} className={row.change ? `diff-row diff-${row.change}` : "diff-row"}>
              <span className="diff-label">
                {row.label}
                {row.change ? CHANGE_TEXT[row.change] : ""}
              </span>
              {single ? (
                <p>
                  <FieldValue field={only} />
                </p>
              ) : (
                <dl className="diff-fields">
                  {row.fields.map((field, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a block's parts are positional
                    <div key={k} className={field.change ? `diff-field diff-${field.change}` : "diff-field"}>
                      <dt>
                        {field.label ?? (field.kind === "note" ? "What changed" : "Words")}
                        {field.change && row.change === "changed" ? CHANGE_TEXT[field.change] : ""}
                      </dt>
                      <dd>
                        <FieldValue field={field} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
