import * as account from "../../account/index";
import * as activity from "../../activity/index";
import * as audit from "../../audit/index";
import * as cohorts from "../../cohorts/index";
import * as comments from "../../comments/index";
import * as content from "../../content/index";
import * as courses from "../../courses/index";
import * as credits from "../../credits/index";
import * as email from "../../email/index";
import * as history from "../../history/index";
import * as images from "../../images/index";
import * as joining from "../../joining/index";
import * as learnerHome from "../../learner-home/index";
import * as learning from "../../learning/index";
import * as locks from "../../locks/index";
import * as navigation from "../../navigation/index";
import * as notices from "../../notices/index";
import * as notifications from "../../notifications/index";
import * as organisations from "../../organisations/index";
import * as packages from "../../packages/index";
import * as panel from "../../panel/index";
import * as preview from "../../preview/index";
import * as privacy from "../../privacy/index";
import * as publishing from "../../publishing/index";
import * as reminders from "../../reminders/index";
import * as reuse from "../../reuse/index";
import * as review from "../../review/index";
import * as reviewRequests from "../../review-requests/index";
import * as search from "../../search/index";
import * as selfCare from "../../self-care/index";
import * as stories from "../../stories/index";
import * as supervision from "../../supervision/index";
import * as supportChoice from "../../support-choice/index";
import * as workshop from "../../workshop/index";
import * as workshopSessions from "../../workshop-sessions/index";
import * as xapi from "../../xapi/index";
import { cases as accountCases } from "./account";
import { cases as activityCases } from "./activity";
import { cases as auditCases } from "./audit";
import { cases as cohortCases } from "./cohorts";
import { cases as commentCases } from "./comments";
import { cases as contentCases } from "./content";
import { cases as courseCases } from "./courses";
import { cases as creditCases } from "./credits";
import { cases as emailCases } from "./email";
import { cases as historyCases } from "./history";
import { learnerHomeCases, noticeCases } from "./home";
import { cases as imageCases } from "./images";
import { cases as joiningCases } from "./joining";
import { cases as learningCases } from "./learning";
import { cases as lockCases } from "./locks";
import { cases as navigationCases } from "./navigation";
import { cases as notificationCases } from "./notifications";
import { cases as organisationCases } from "./organisations";
import { cases as packageCases } from "./packages";
import { cases as panelCases } from "./panel";
import { cases as previewCases } from "./preview";
import { cases as privacyCases } from "./privacy";
import { cases as publishingCases } from "./publishing";
import { cases as reminderCases } from "./reminders";
import { cases as reuseCases } from "./reuse";
import { cases as reviewCases } from "./review";
import { cases as reviewRequestCases } from "./review-requests";
import { cases as searchCases } from "./search";
import { cases as selfCareCases } from "./self-care";
import { cases as storyCases } from "./stories";
import { cases as supervisionCases } from "./supervision";
import { cases as supportChoiceCases } from "./support-choice";
import { cases as workshopCases } from "./workshop";
import { cases as workshopSessionCases } from "./workshop-sessions";
import { cases as xapiCases } from "./xapi";

/** Every feature with entry points, and its rows: a feature missing here is a gap the test cannot see. */
export const FEATURES = {
  account: { api: account, cases: accountCases },
  activity: { api: activity, cases: activityCases },
  audit: { api: audit, cases: auditCases },
  cohorts: { api: cohorts, cases: cohortCases },
  comments: { api: comments, cases: commentCases },
  content: { api: content, cases: contentCases },
  courses: { api: courses, cases: courseCases },
  credits: { api: credits, cases: creditCases },
  email: { api: email, cases: emailCases },
  history: { api: history, cases: historyCases },
  images: { api: images, cases: imageCases },
  joining: { api: joining, cases: joiningCases },
  learnerHome: { api: learnerHome, cases: learnerHomeCases },
  learning: { api: learning, cases: learningCases },
  locks: { api: locks, cases: lockCases },
  navigation: { api: navigation, cases: navigationCases },
  notices: { api: notices, cases: noticeCases },
  notifications: { api: notifications, cases: notificationCases },
  organisations: { api: organisations, cases: organisationCases },
  packages: { api: packages, cases: packageCases },
  panel: { api: panel, cases: panelCases },
  privacy: { api: privacy, cases: privacyCases },
  preview: { api: preview, cases: previewCases },
  publishing: { api: publishing, cases: publishingCases },
  reminders: { api: reminders, cases: reminderCases },
  reuse: { api: reuse, cases: reuseCases },
  review: { api: review, cases: reviewCases },
  reviewRequests: { api: reviewRequests, cases: reviewRequestCases },
  supervision: { api: supervision, cases: supervisionCases },
  supportChoice: { api: supportChoice, cases: supportChoiceCases },
  search: { api: search, cases: searchCases },
  selfCare: { api: selfCare, cases: selfCareCases },
  stories: { api: stories, cases: storyCases },
  workshop: { api: workshop, cases: workshopCases },
  workshopSessions: { api: workshopSessions, cases: workshopSessionCases },
  xapi: { api: xapi, cases: xapiCases },
};
