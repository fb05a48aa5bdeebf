/** What routes may ask of content: the starter modules, and a new module made from one. */
export { newModuleFromStarter, starterChoiceSchema, starterModules } from "./starter-modules";
