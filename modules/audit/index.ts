/** What routes may ask of the audit trail: the organisation's activity log, for those who may see it. */
export { activityLog } from "./activity-log";
