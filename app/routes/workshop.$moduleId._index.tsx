import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { Notice } from "~/components/layout";
import { requireActor } from "~/lib/auth.server";
import { handled, paramId } from "~/lib/http.server";
import { useHydrated } from "~/lib/hydrated";
import { colourFor, openModule, renderDocumentHTML } from "~/lib/workshop.server";

// The editor, Tiptap and Yjs load only here, and only in the browser.
const CollaborativeEditor = lazy(() => import("~/editor/collaborative-editor"));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { access } = openModule(context.runtime.db, actor, moduleId);
    return {
      moduleId,
      user: { id: actor.userId, name: actor.name, color: colourFor(actor.userId) },
      canEdit: access.edit,
      previewHTML: renderDocumentHTML(context.runtime.collab.current(moduleId)),
    };
  });

function Preview({ html, message }: { html: string; message: string }) {
  return (
    <div className="editor-shell">
      <p className="save-status">{message}</p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server from the schema-checked document */}
      <div className="editor-frame preview" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

export default function Write() {
  const { moduleId, user, canEdit, previewHTML } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("started") ? (
        <Notice tone="success">
          Your module is ready, made from the starter module. Invite co-designers from “Details and people”, then rework
          it together.
        </Notice>
      ) : null}
      {hydrated ? (
        <Suspense fallback={<Preview html={previewHTML} message="Loading the editor…" />}>
          <CollaborativeEditor key={moduleId} moduleId={moduleId} user={user} canEdit={canEdit} />
        </Suspense>
      ) : (
        <Preview html={previewHTML} message="The editor needs JavaScript. This is the module as it stands now." />
      )}
    </>
  );
}
