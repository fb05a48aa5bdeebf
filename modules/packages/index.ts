/** What routes may ask of course packages: the course's exports, and each one as a download. */
export { exportChoices, exportCmi5, exportMarkdown, exportScorm } from "./exports";
