export { publishedCredits } from "../../modules/credits/service";
export { type Publication, publicationOf, statusLabel } from "../../modules/publishing/publication";
export { publishSchema } from "../../modules/publishing/schemas";
export {
  getModuleVersion,
  listModuleVersions,
  publishableModules,
  publishModule,
  unpublishModule,
} from "../../modules/publishing/service";
