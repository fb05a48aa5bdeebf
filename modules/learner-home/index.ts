/**
 * A learner's start page: their courses with progress (learning), what their cohorts gave them and
 * who facilitates it (cohorts), and their notices; and the choices a learner makes about their
 * cohort (a self-paced route, asking to move). It sits above those features, so none of them needs to
 * know about the others.
 */
export { moveRequestSchema, routeChoiceSchema } from "../cohorts/schemas";
export { askToMove, movePage } from "./moving";
export { myLearningPage } from "./my-learning";
export { chooseRoute } from "./routes";
