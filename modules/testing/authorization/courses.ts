import * as api from "../../courses/index";
import type { CasesFor } from "./cases";

/** Courses are composed by trainers and facilitators of their own organisation. */
const MANAGERS = ["trainer", "facilitator"] as const;
const DETAILS = { title: "Essentials, renamed", description: "", openToAll: false };

export const cases: CasesFor<typeof api> = {
  listCourses: { allowed: MANAGERS, ownOnly: true, run: (ctx) => api.listCourses(ctx) },
  createCourse: { allowed: MANAGERS, ownOnly: true, run: (ctx) => api.createCourse(ctx, DETAILS) },
  coursePage: { allowed: MANAGERS, run: (ctx, on) => api.coursePage(ctx, on.courseId) },
  updateCourse: { allowed: MANAGERS, run: (ctx, on) => api.updateCourse(ctx, on.courseId, DETAILS) },
  setCourseArchived: { allowed: MANAGERS, run: (ctx, on) => api.setCourseArchived(ctx, on.courseId, true) },
  addCourseModule: { allowed: MANAGERS, run: (ctx, on) => api.addCourseModule(ctx, on.courseId, on.spareModuleId) },
  removeCourseModule: { allowed: MANAGERS, run: (ctx, on) => api.removeCourseModule(ctx, on.courseId, on.moduleId) },
  moveCourseModule: {
    allowed: MANAGERS,
    run: (ctx, on) => api.moveCourseModule(ctx, on.courseId, on.moduleId, "down"),
  },
  updateCourseModule: { allowed: MANAGERS, run: (ctx, on) => api.updateCourseModule(ctx, on.courseId, on.moduleId) },
  publishCourse: { allowed: MANAGERS, run: (ctx, on) => api.publishCourse(ctx, on.courseId, "Second version.") },
};
