/** What routes may ask of xAPI: a cohort's progress on one assignment as statements, for an LRS. */
export { downloadStatements } from "./download";
