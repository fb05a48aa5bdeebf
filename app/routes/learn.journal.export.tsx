import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAllowed } from "~/lib/auth.server";
import { resource } from "~/lib/http.server";
import { exportJournal } from "~/lib/learning.server";

/** The learner's own journal as a download. Never cached: it is health data. */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const actor = await requireAllowed(request, context, "learning.take");
    return new Response(exportJournal(context.runtime.db, actor), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": 'attachment; filename="my-reflection-journal.md"',
        "Cache-Control": "no-store",
      },
    });
  });
