import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { content } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";

/** The module as a content file with its images beside it, for anyone who can open it. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const zip = await content.moduleContentZip(ctx, paramId(params, "moduleId"));
    return new Response(zip.bytes, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${zip.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
