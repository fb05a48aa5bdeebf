/**
 * The one bridge from routes to the domain: each feature's use cases (its `index.ts`), by feature.
 * Routes import from here only, so the compiler keeps all of it out of the browser (it strips
 * `*.server.ts` files in app/), and there is no second grouping of the domain to keep in step.
 */
export * as account from "../../modules/account/index";
export * as activity from "../../modules/activity/index";
export * as audit from "../../modules/audit/index";
export * as cohorts from "../../modules/cohorts/index";
export * as comments from "../../modules/comments/index";
export * as content from "../../modules/content/index";
export * as courses from "../../modules/courses/index";
export * as credits from "../../modules/credits/index";
export * as email from "../../modules/email/index";
export * as history from "../../modules/history/index";
export * as images from "../../modules/images/index";
export * as joining from "../../modules/joining/index";
export * as learnerHome from "../../modules/learner-home/index";
export * as learning from "../../modules/learning/index";
export * as locks from "../../modules/locks/index";
export * as navigation from "../../modules/navigation/index";
export * as notices from "../../modules/notices/index";
export * as notifications from "../../modules/notifications/index";
export * as organisations from "../../modules/organisations/index";
export * as packages from "../../modules/packages/index";
export * as panel from "../../modules/panel/index";
export * as preview from "../../modules/preview/index";
export * as privacy from "../../modules/privacy/index";
export * as publishing from "../../modules/publishing/index";
export * as reminders from "../../modules/reminders/index";
export * as reuse from "../../modules/reuse/index";
export * as review from "../../modules/review/index";
export * as reviewRequests from "../../modules/review-requests/index";
export * as search from "../../modules/search/index";
export * as selfCare from "../../modules/self-care/index";
export * as stories from "../../modules/stories/index";
export * as supervision from "../../modules/supervision/index";
export * as supportChoice from "../../modules/support-choice/index";
export * as workshop from "../../modules/workshop/index";
export * as workshopSessions from "../../modules/workshop-sessions/index";
export * as xapi from "../../modules/xapi/index";
