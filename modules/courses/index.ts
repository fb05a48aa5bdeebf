/** What routes may ask of courses: trainers and facilitators compose courses from published modules. */
export { publishSchema as publishCourseSchema } from "../publishing/schemas";
export { courseDetailsSchema, courseModuleSchema } from "./schemas";
export {
  addCourseModule,
  coursePage,
  createCourse,
  listCourses,
  moveCourseModule,
  publishCourse,
  removeCourseModule,
  setCourseArchived,
  updateCourse,
  updateCourseModule,
} from "./service";
