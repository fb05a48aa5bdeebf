import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { content } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";

/** The module as a content file, for anyone who can open it. Reading it changes nothing, so it is a GET. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const file = content.moduleContentFile(ctx, paramId(params, "moduleId"));
    return new Response(file.text, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
