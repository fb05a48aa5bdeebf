/** What routes may ask of organisations. */
export { supportForLearners } from "./support";
