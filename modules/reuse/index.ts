/** What routes may ask of reuse: duplicating a module, and the organisation's templates. */
export { duplicateModule } from "./duplicate";
export { templateChoiceSchema, templateSchema } from "./schemas";
export { listTemplates, newModuleFromTemplate, setTemplate, templateStanding } from "./templates";
