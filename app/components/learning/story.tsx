import { WITHDRAWN_STORY } from "../../../modules/documents/vocabulary";
import { Html } from "./html";

export type StoryPart = { html: string; creditName: string | null; withdrawn: boolean };

/** A lived-experience story as a learner reads it, credited as its storyteller chose; or the note that it was withdrawn. */
export function Story({ part }: { part: StoryPart }) {
  if (part.withdrawn) {
    return (
      <aside className="learn-block learn-story withdrawn" aria-label="Story">
        <p>{WITHDRAWN_STORY}</p>
      </aside>
    );
  }
  return (
    <figure className="learn-block learn-story" aria-label="A lived-experience story">
      <Html html={part.html} className="story-words" />
      <figcaption>
        {part.creditName
          ? `Shared by ${part.creditName}`
          : "Shared by a member of the organisation, who chose not to be named"}
      </figcaption>
    </figure>
  );
}
