import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationTable } from "~/components/organisations/invitation-table";
import { NewInvitation } from "~/components/organisations/new-invitation";
import { requireContext } from "~/lib/auth.server";
import { organisations } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Invitations · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => ({ invitations: organisations.listInvitations(await requireContext(request, context)) }));

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(request, ctx, {
      create: intent({
        schema: organisations.invitationSchema,
        run: (ctx, input) => {
          const { token } = organisations.invite(ctx, context.runtime.config.SESSION_SECRET, input);
          const link = `${new URL(request.url).origin}/join/${token}`;
          return { ok: true as const, created: { link, personalFor: input.email } };
        },
      }),
      revoke: intent({
        schema: organisations.invitationIdSchema,
        run: (ctx, input) => {
          organisations.revokeInvitation(ctx, input.invitationId);
          return { ok: true as const, created: null };
        },
      }),
    });
  });

export default function Invitations() {
  const { invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <NewInvitation created={result?.ok ? result.created : null} state={result && !result.ok ? result : undefined} />
      <h2>Invitations</h2>
      <InvitationTable invitations={invitations} />
    </>
  );
}
