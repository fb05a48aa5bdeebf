import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { privacy } from "~/lib/domain.server";
import { paramId, resource } from "~/lib/http.server";
import { zipDownload } from "~/lib/zip-download.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, () => redirect(`/organisation/members/${paramId(params, "membershipId")}`));

/**
 * A member's data, for the admin to pass on. A download cannot show a form again, so a missing reason
 * goes back to the member's page with the message and what was typed.
 */
export const action = ({ request, context, params }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const membershipId = paramId(params, "membershipId");
    const typed = String((await request.formData()).get("reason") ?? "");
    const parsed = privacy.memberRequestSchema.safeParse({ reason: typed });
    if (!parsed.success) {
      const back = new URLSearchParams({ exportError: parsed.error.issues[0]?.message ?? "Say why.", reason: typed });
      return redirect(`/organisation/members/${membershipId}?${back}`);
    }
    return zipDownload(privacy.downloadMemberData(ctx, membershipId, parsed.data));
  });
