import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, Notice, PageHeader } from "~/components/layout";
import { StoryList } from "~/components/stories/story-list";
import { requireContext } from "~/lib/auth.server";
import { stories } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Your stories · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { stories: stories.myStories(ctx, context.runtime.collab) };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(request, ctx, {
      withdraw: intent({
        schema: stories.storyRefSchema,
        run: async (ctx, input) => {
          const { moduleTitle } = await stories.withdrawStory(ctx, context.runtime.collab, input);
          return redirect(`/account/stories?withdrawn=${encodeURIComponent(moduleTitle)}`);
        },
      }),
      confirm: intent({
        schema: stories.storyRefSchema,
        run: (ctx, input) => {
          const { moduleTitle } = stories.confirmStory(ctx, context.runtime.collab, input);
          return redirect(`/account/stories?kept=${encodeURIComponent(moduleTitle)}`);
        },
      }),
    });
  });

export default function YourStoriesPage() {
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const withdrawn = params.get("withdrawn");
  const kept = params.get("kept");
  return (
    <>
      <PageHeader
        title="Your stories"
        lead={
          <>
            The stories you shared in your organisation's training. You can withdraw any of them, at any time, without
            giving a reason. <Link to="/account">Back to your account</Link>
          </>
        }
      />
      {withdrawn ? (
        <Notice tone="success">
          Your story in “{withdrawn}” is withdrawn. Learners now read only that it was withdrawn by the person who
          shared it, in every version, and none of its words are kept.
        </Notice>
      ) : null}
      {kept ? <Notice tone="success">Thank you. Your story in “{kept}” stays as it is.</Notice> : null}
      {data.stories.length === 0 ? (
        <EmptyState title="No stories of yours">
          <p>When a module includes a story you told, it is listed here.</p>
        </EmptyState>
      ) : (
        <StoryList stories={data.stories} state={state} />
      )}
    </>
  );
}
