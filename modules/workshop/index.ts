/**
 * What routes may ask of the Workshop: its modules, their details, who is on them, archiving, and
 * whether co-designers may only suggest.
 */
export { removeCollaborator, setCollaborator } from "./collaborators";
export { editorPage, moduleHeading, modulePeople } from "./pages";
export {
  collaboratorSchema,
  MODULE_STATUSES,
  MODULE_TOPICS,
  moduleDetailsSchema,
  moduleFiltersSchema,
  STATUS_LABELS,
  suggestionsOnlySchema,
  TOPIC_LABELS,
} from "./schemas";
export { listModules, newModule, setArchived, updateModuleDetails } from "./service";
export { setSuggestionsOnly } from "./suggestions-only";
