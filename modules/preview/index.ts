/** What routes may ask of Preview: a module's draft, section by section, as a learner would see it. */
export { checkPreviewAnswer, previewSection } from "./service";
