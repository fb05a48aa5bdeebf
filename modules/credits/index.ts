/** What routes may ask of credits: who made a module, and how each person chooses to be credited. */
export { creditChoiceSchema } from "./schemas";
export { contributionsPage, myCredits, setCreditChoice } from "./service";
