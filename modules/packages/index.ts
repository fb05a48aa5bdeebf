/** What routes may ask of course packages: the course's exports, and each one as a download. */
export { exportChoices, exportMarkdown, exportScorm } from "./exports";
