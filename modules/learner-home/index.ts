/**
 * A learner's start page: their courses with progress (learning), what their cohorts gave them and
 * who facilitates it (cohorts), and their notices. It sits above those features, so none of them
 * needs to know about the others.
 */
export { myLearningPage } from "./my-learning";
