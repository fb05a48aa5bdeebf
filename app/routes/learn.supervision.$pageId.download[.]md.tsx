import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";

/** The learner's own supervision page as Markdown. Never cached: it is health data. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    return new Response(supervision.supervisionPageMarkdown(ctx, paramId(params, "pageId")), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": 'attachment; filename="for-my-supervision.md"',
        "Cache-Control": "no-store",
      },
    });
  });
