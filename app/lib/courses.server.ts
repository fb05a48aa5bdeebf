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
export { publishSchema } from "../../modules/publishing/schemas";
export { publishableModules } from "../../modules/publishing/service";
