import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { resource } from "~/lib/http.server";

/** The learner's own journal as a download. Never cached: it is health data. */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    return new Response(learning.exportJournal(await requireContext(request, context)), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": 'attachment; filename="my-reflection-journal.md"',
        "Cache-Control": "no-store",
      },
    });
  });
