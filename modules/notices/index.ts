export { dismissSchema } from "./schemas";
export { dismissNotices } from "./service";
