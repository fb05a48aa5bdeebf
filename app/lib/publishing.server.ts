export { courseDetailsSchema, courseModuleSchema } from "../../modules/courses/schemas";
export {
  addCourseModule,
  courseItemsOf,
  courseVersionsOf,
  createCourse,
  getCourse,
  latestCourseVersion,
  listCourses,
  moveCourseModule,
  publishCourse,
  removeCourseModule,
  setCourseArchived,
  updateCourse,
  updateCourseModule,
} from "../../modules/courses/service";
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
