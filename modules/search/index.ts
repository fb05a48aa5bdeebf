/** What routes may ask of search: modules in the Workshop, courses in the course list. */
export { searchCourses } from "./courses";
export type { Segment } from "./marks";
export { searchModules } from "./modules";
export { MAX_QUERY_LENGTH, searchQuerySchema } from "./query";
