/** What routes may ask of publishing: a module's versions, publishing a new one, and withdrawing it. */
export { publishSchema } from "./schemas";
export { listModuleVersions, publishModule, unpublishModule } from "./service";
