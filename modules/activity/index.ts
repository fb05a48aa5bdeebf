/** What routes may ask of a module's activity: its story, newest first. */
export { moduleActivity } from "./service";
