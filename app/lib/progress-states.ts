/** The words for a module's and a course's state, from progress's one definition, for every page that shows one. */
export { STATE_LABELS } from "../../modules/progress/state";
