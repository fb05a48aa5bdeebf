import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { SupervisionDocument } from "~/components/supervision/supervision-document";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";

/** Plain and readable anywhere, offline: the page's own words, with a little type and no scripts. */
const STYLE =
  "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}" +
  ".journal-body{white-space:pre-wrap}.muted{color:#555}";

/** The learner's own supervision page as a web page to keep. Never cached: it is health data. */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const page = supervision.supervisionPage(ctx, paramId(params, "pageId"));
    const body = renderToStaticMarkup(
      <html lang="en-GB">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{page.title}</title>
          <style>{STYLE}</style>
        </head>
        <body>
          <main>
            <SupervisionDocument
              title={page.title}
              points={page.points}
              entries={page.entries}
              selfCarePlan={page.selfCarePlan}
            />
          </main>
        </body>
      </html>,
    );
    return new Response(`<!doctype html>\n${body}`, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Disposition": 'attachment; filename="for-my-supervision.html"',
        "Cache-Control": "no-store",
      },
    });
  });
