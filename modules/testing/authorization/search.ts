import * as api from "../../search/index";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

const QUERY = api.searchQuerySchema.parse("module");

/** The Workshop's search is for those who may open the Workshop; the course list's, for those who compose courses. */
export const cases: CasesFor<typeof api> = {
  searchModules: {
    allowed: MODULE_READERS,
    ownOnly: true,
    run: (ctx) => api.searchModules(ctx, QUERY),
  },
  searchCourses: { allowed: ["trainer", "facilitator"], ownOnly: true, run: (ctx) => api.searchCourses(ctx, QUERY) },
};
