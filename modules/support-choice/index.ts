/**
 * What routes may ask of a person's support choice: where they are and which groups matter to them,
 * kept for them alone (or, for a visitor, in their own browser), and the support they are shown ranked by it.
 */
export type { SupportChoice } from "./rank";
export { supportChoiceSchema } from "./schemas";
export {
  forgetMySupportChoice,
  mySupportChoice,
  setMySupportChoice,
  supportInTrainingForMe,
  supportNowForMe,
} from "./service";
export { supportNowForVisitor, visitorChoice } from "./visitor";
