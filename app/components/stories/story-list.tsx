import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { formatDate } from "~/components/layout";
import { STORY_SCOPE_LABELS, type StoryScope } from "../../../modules/documents/vocabulary";

export type MyStory = {
  id: string;
  moduleId: string;
  moduleTitle: string;
  opening: string;
  credit: "named" | "anonymous";
  scope: StoryScope | null;
  reviewOn: string | null;
  inDraft: boolean;
  versions: number[];
  askedToReview: boolean;
  confirmed: boolean;
};

type State = { errors?: Record<string, string>; intent?: string } | undefined;

function where(story: MyStory): string {
  const versions = story.versions.length
    ? `published as version${story.versions.length === 1 ? "" : "s"} ${story.versions.join(", ")}`
    : "not published yet";
  return story.inDraft ? `In the draft, ${versions}` : `No longer in the draft, ${versions}`;
}

/** One storyteller's stories, each with a plain way to withdraw it (and, when asked, to keep it). */
export function StoryList({ stories, state }: { stories: readonly MyStory[]; state: State }) {
  return (
    <>
      <ErrorSummary state={state} />
      <ul className="story-list">
        {stories.map((story) => {
          const titleId = `story-${story.moduleId}-${story.id}`;
          return (
            <li key={titleId} className="card" aria-labelledby={titleId}>
              <h2 id={titleId}>In “{story.moduleTitle}”</h2>
              <blockquote>
                <p>{story.opening}</p>
              </blockquote>
              <dl className="facts">
                <dt>Where it is</dt>
                <dd>{where(story)}</dd>
                <dt>How you are credited</dt>
                <dd>{story.credit === "named" ? "By your name" : "Not named"}</dd>
                <dt>Who may read it</dt>
                <dd>{story.scope ? STORY_SCOPE_LABELS[story.scope] : "Not agreed yet"}</dd>
                {story.reviewOn ? (
                  <>
                    <dt>Review date</dt>
                    <dd>{formatDate(story.reviewOn)}</dd>
                  </>
                ) : null}
              </dl>
              {story.askedToReview ? (
                <p>Its review date has passed: keep it as it is, or withdraw it. Either is fine.</p>
              ) : null}
              {story.confirmed ? <p>You said it can stay as it is.</p> : null}
              <Form method="post" className="actions">
                <input type="hidden" name="moduleId" value={story.moduleId} />
                <input type="hidden" name="storyId" value={story.id} />
                <button type="submit" name="intent" value="withdraw" className="button-secondary">
                  Withdraw this story<span className="visually-hidden"> from “{story.moduleTitle}”</span>
                </button>
                {story.askedToReview ? (
                  <button type="submit" name="intent" value="confirm" className="button-quiet">
                    Keep it<span className="visually-hidden"> in “{story.moduleTitle}”</span>
                  </button>
                ) : null}
              </Form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
