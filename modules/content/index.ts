/** What routes may ask of content: the starter modules, a new module made from one, and content files in the browser. */
export { importUpload, moduleContentFile, moduleContentZip, uploadSchema } from "./browser-import";
export { newModuleFromStarter, starterChoiceSchema, starterModules } from "./starter-modules";
export { MAX_CONTENT_FILE_BYTES, MAX_UPLOAD_FILES } from "./upload";
