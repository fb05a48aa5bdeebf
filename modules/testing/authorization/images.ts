import { contextFor } from "../../auth/context";
import * as api from "../../images/index";
import { photo } from "../../images/test-images";
import { type CasesFor, EVERYONE } from "./cases";

const upload = async () => ({ name: "bench.jpg", bytes: await photo(64, 48) });

/** The module's authors upload images into it; everyone in the organisation reads them, nobody outside it. */
export const cases: CasesFor<typeof api> = {
  uploadImage: {
    allowed: ["facilitator", "co_designer"],
    run: async (ctx, on) => {
      const result = await api.uploadImage(ctx, on.moduleId, await upload());
      if (!result.ok) throw new Error(result.message);
    },
  },
  imageCopy: {
    allowed: EVERYONE,
    run: async (ctx, on) => {
      const uploaded = await api.uploadImage(contextFor(ctx.db, on.people.facilitator), on.moduleId, await upload());
      if (!uploaded.ok) throw new Error(uploaded.message);
      return api.imageCopy(ctx, uploaded.image.id, "phone");
    },
  },
};
