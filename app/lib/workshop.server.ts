export { colourFor } from "../../modules/collaboration/protocol";
export { renderDocumentHTML } from "../../modules/documents/render";
export {
  collaboratorRole,
  listCollaborators,
  removeCollaborator,
  setCollaborator,
} from "../../modules/workshop/collaborators";
export {
  COLLABORATOR_ROLES,
  collaboratorSchema,
  MODULE_STATUSES,
  MODULE_TOPICS,
  moduleDetailsSchema,
  STATUS_LABELS,
  TOPIC_LABELS,
} from "../../modules/workshop/schemas";
export {
  createModule,
  listModules,
  moduleFactsOf,
  openModule,
  openWorkshop,
  requireFacilitation,
  setArchived,
  updateModuleDetails,
} from "../../modules/workshop/service";
