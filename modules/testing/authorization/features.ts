import * as audit from "../../audit/index";
import * as joining from "../../joining/index";
import * as learnerHome from "../../learner-home/index";
import * as learning from "../../learning/index";
import * as navigation from "../../navigation/index";
import * as notices from "../../notices/index";
import * as organisations from "../../organisations/index";
import { cases as auditCases } from "./audit";
import { learnerHomeCases, noticeCases } from "./home";
import { cases as joiningCases } from "./joining";
import { cases as learningCases } from "./learning";
import { cases as navigationCases } from "./navigation";
import { cases as organisationCases } from "./organisations";

/** Every feature with entry points, and its rows: a feature missing here is a gap the test cannot see. */
export const FEATURES = {
  audit: { api: audit, cases: auditCases },
  joining: { api: joining, cases: joiningCases },
  learnerHome: { api: learnerHome, cases: learnerHomeCases },
  learning: { api: learning, cases: learningCases },
  navigation: { api: navigation, cases: navigationCases },
  notices: { api: notices, cases: noticeCases },
  organisations: { api: organisations, cases: organisationCases },
};
