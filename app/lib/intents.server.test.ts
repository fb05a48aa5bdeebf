import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { dispatch, intent, NO_INTENT } from "./intents.server";

const post = (fields: Record<string, string>) =>
  new Request("http://alongside.test/", { method: "POST", body: new URLSearchParams(fields) });

const table = {
  pick: intent({
    schema: z.object({ n: z.coerce.number() }),
    run: (_ctx: null, input) => ({ picked: input.n }),
  }),
  shout: intent({ run: () => Promise.resolve({ shouted: "HELLO" }) }),
};

describe("dispatch", () => {
  it("answers with what the chosen intent's handler returns, and a page can read it by its type", async () => {
    const picked = await dispatch(post({ intent: "pick", n: "3" }), null, table);
    expect(picked).toEqual({ picked: 3 });
    expectTypeOf<Extract<typeof picked, { picked: number }>>().toEqualTypeOf<{ picked: number }>();
    expectTypeOf<Extract<typeof picked, { shouted: string }>>().toEqualTypeOf<{ shouted: string }>();

    const shouted = await dispatch(post({ intent: "shout" }), null, table);
    expect(shouted).toEqual({ shouted: "HELLO" });
  });

  it("runs the page's one intent for a form that names none, and still refuses an intent it does not know", async () => {
    expect(await dispatch(post({ n: "4" }), null, table, { fallback: "pick" })).toEqual({ picked: 4 });
    const unknown = await dispatch(post({ intent: "delete", n: "4" }), null, table, { fallback: "pick" });
    expect(unknown).toMatchObject({ init: { status: 400 }, data: { errors: { form: NO_INTENT } } });
    const unnamed = await dispatch(post({ n: "4" }), null, table);
    expect(unnamed).toMatchObject({ init: { status: 400 }, data: { errors: { form: NO_INTENT } } });
  });
});
