import { describe, expect, it } from "vitest";
import { CLOSE_REASONS } from "../../modules/collaboration/protocol";
import { LIMIT_MESSAGES, PROBLEM_MESSAGES, problemFromClose, RELOADABLE } from "./problems";

describe("what the editor makes of a close", () => {
  it("tells a message that was too large from a module that is full", () => {
    expect(problemFromClose(1009, "Max payload size exceeded")).toBe("too-big");
    expect(problemFromClose(1000, CLOSE_REASONS.messageTooBig)).toBe("too-big");
    expect(problemFromClose(1000, CLOSE_REASONS.documentFull)).toBe("full");
    expect(PROBLEM_MESSAGES["too-big"]).not.toContain("size limit");
    expect(PROBLEM_MESSAGES["too-big"]).toContain("paste up to about 100,000 characters at a time");
  });

  it("reconnects after a change of role, and stops after a removal", () => {
    expect(problemFromClose(4403, CLOSE_REASONS.changed)).toBeNull();
    expect(problemFromClose(4403, CLOSE_REASONS.removed)).toBe("access");
    expect(problemFromClose(4403, CLOSE_REASONS.readOnly)).toBe("access");
  });

  it("after the session ended elsewhere, says to log in again, offering a reload", () => {
    expect(problemFromClose(4401, CLOSE_REASONS.signedOut)).toBe("signed-out");
    expect(problemFromClose(4401, "")).toBe("signed-out");
    expect(PROBLEM_MESSAGES["signed-out"]).toContain("Log in again");
    expect(RELOADABLE.has("signed-out")).toBe(true);
  });

  it("explains a change the editor's schema cannot hold", () => {
    expect(problemFromClose(1000, CLOSE_REASONS.unsupported)).toBe("unsupported");
    expect(problemFromClose(4400, CLOSE_REASONS.malformed)).toBe("malformed");
    expect(problemFromClose(1000, "")).toBeNull();
  });

  it("explains a change to a locked part, offering a reload", () => {
    expect(problemFromClose(1000, CLOSE_REASONS.locked)).toBe("locked");
    expect(problemFromClose(4423, "")).toBe("locked");
    expect(PROBLEM_MESSAGES.locked).toContain("locked once it was agreed");
    expect(RELOADABLE.has("locked")).toBe(true);
  });

  it("explains a direct change refused on a module that takes suggestions only, offering a reload", () => {
    expect(problemFromClose(1000, CLOSE_REASONS.suggestOnly)).toBe("suggest-only");
    expect(PROBLEM_MESSAGES["suggest-only"]).toContain("This module takes suggestions only");
    expect(RELOADABLE.has("suggest-only")).toBe(true);
  });

  it("explains a change refused during a session's break, offering a reload", () => {
    expect(problemFromClose(1000, CLOSE_REASONS.onBreak)).toBe("on-break");
    expect(problemFromClose(4424, "")).toBe("on-break");
    expect(PROBLEM_MESSAGES["on-break"]).toContain("during a break");
    expect(RELOADABLE.has("on-break")).toBe(true);
  });

  it("says how large a paste may be, apart from how large a module may be", () => {
    expect(LIMIT_MESSAGES.paste).toBe(
      "That paste is too large to add in one go. Paste up to about 100,000 characters at a time.",
    );
    expect(LIMIT_MESSAGES.full).toContain("This module has reached its size limit");
  });
});
