import * as cohorts from "../../cohorts/index";
import * as courses from "../../courses/index";
import * as learnerHome from "../../learner-home/index";
import * as learning from "../../learning/index";
import * as notices from "../../notices/index";
import * as organisations from "../../organisations/index";
import * as xapi from "../../xapi/index";
import { cases as cohortCases } from "./cohorts";
import { cases as courseCases } from "./courses";
import { learnerHomeCases, noticeCases, organisationCases } from "./home";
import { cases as learningCases } from "./learning";
import { cases as xapiCases } from "./xapi";

/** Every feature with entry points, and its rows: a feature missing here is a gap the test cannot see. */
export const FEATURES = {
  cohorts: { api: cohorts, cases: cohortCases },
  courses: { api: courses, cases: courseCases },
  learnerHome: { api: learnerHome, cases: learnerHomeCases },
  learning: { api: learning, cases: learningCases },
  notices: { api: notices, cases: noticeCases },
  organisations: { api: organisations, cases: organisationCases },
  xapi: { api: xapi, cases: xapiCases },
};
