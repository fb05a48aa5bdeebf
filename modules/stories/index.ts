/** What routes may ask of stories: a person's own stories, withdrawing or confirming one, who may tell one. */
export { storyRefSchema } from "./schemas";
export { confirmStory, myStories, storytellerChoices, withdrawStory } from "./service";
