import { describe, expect, it } from "vitest";
import {
  forgetVisitorSupportChoice,
  keepVisitorSupportChoice,
  visitorSupportChoice,
} from "./visitor-support-choice.server";

const NAME = "alongside_support_choice";
const requestWith = (cookie?: string) =>
  new Request("http://localhost/support", cookie === undefined ? {} : { headers: { Cookie: cookie } });
/** A cookie value written the way the app writes its own (JSON, base64-encoded), holding anything at all. */
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

describe("a visitor's support choice, kept in their browser", () => {
  it("comes back as it was kept, and forgetting it clears the cookie", async () => {
    const setCookie = await keepVisitorSupportChoice(requestWith(), { nation: "scotland", populations: ["veterans"] });
    expect(setCookie).toMatch(new RegExp(`^${NAME}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const sent = setCookie.split(";")[0] ?? "";
    expect(await visitorSupportChoice(requestWith(sent))).toEqual({ nation: "scotland", populations: ["veterans"] });

    const forgotten = await forgetVisitorSupportChoice(requestWith(sent));
    expect(forgotten).toMatch(new RegExp(`^${NAME}=;`));
    expect(forgotten).toMatch(/Max-Age=0/);
    expect(await visitorSupportChoice(requestWith(forgotten.split(";")[0]))).toBeNull();
  });

  it("is marked Secure over HTTPS, and keeping nothing answered clears it", async () => {
    const secure = new Request("https://alongside.example/support/choose", { method: "POST" });
    expect(await keepVisitorSupportChoice(secure, { nation: "wales", populations: [] })).toMatch(/Secure/);
    expect(await keepVisitorSupportChoice(secure, { nation: null, populations: [] })).toMatch(/Max-Age=0/);
  });

  it.each([
    ["no cookie at all", undefined],
    ["another cookie only", "alongside_session=abc"],
    ["a value that is not base64", `${NAME}=%%%not-base64`],
    ["base64 that is not JSON", `${NAME}=${Buffer.from("{nation: scotland").toString("base64")}`],
    ["a bare string", `${NAME}=${encoded("scotland")}`],
    ["a list", `${NAME}=${encoded(["scotland"])}`],
    ["a place that is not listed", `${NAME}=${encoded({ nation: "atlantis", populations: [] })}`],
    ["UK-wide, which is no choice of place", `${NAME}=${encoded({ nation: "uk", populations: [] })}`],
    ["a group that is not listed", `${NAME}=${encoded({ nation: "wales", populations: ["admins"] })}`],
    ["a group that is not text", `${NAME}=${encoded({ nation: null, populations: [{ toString: 1 }] })}`],
    ["nothing answered", `${NAME}=${encoded({ nation: null, populations: [] })}`],
  ])("ignores %s", async (_what, cookie) => {
    expect(await visitorSupportChoice(requestWith(cookie))).toBeNull();
  });

  it("reads a cookie written the same way as one the app wrote, so what is ignored above is ignored for its content", async () => {
    expect(await visitorSupportChoice(requestWith(`${NAME}=${encoded({ nation: "wales", populations: [] })}`))).toEqual(
      {
        nation: "wales",
        populations: [],
      },
    );
  });

  it("keeps each group once however often a forged cookie repeats it", async () => {
    const cookie = `${NAME}=${encoded({ nation: "", populations: ["men", "men", "lgbtq"] })}`;
    expect(await visitorSupportChoice(requestWith(cookie))).toEqual({ nation: null, populations: ["men", "lgbtq"] });
  });
});
