/** What routes may ask of the panel and safeguarding sign-off: the setting, the rubric, and each sign-off. */
export { panelRequiredSchema, panelSignoffSchema, rubricSchema } from "./schemas";
export { panelRequirement, rubricToManage, setPanelRequired, setRubric } from "./settings";
export { panelReview, requestPanelChanges, signOffAsPanel } from "./signoffs";
