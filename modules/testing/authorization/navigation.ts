import * as api from "../../navigation/index";
import { type CasesFor, EVERYONE } from "./cases";

/** Everyone has a header and a start page: what is in them follows their roles. */
export const cases: CasesFor<typeof api> = {
  header: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.header(ctx) },
  startPage: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.startPage(ctx) },
};
