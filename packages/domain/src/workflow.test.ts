import { describe, expect, it } from "vitest";
import { allowedActions, ENTRY_STATES, itemStatus, transition } from "./workflow.ts";
import type { EntryAction, EntryState, TransitionInput } from "./workflow.ts";

const editor = { actorContributed: true, roles: ["editor"] as const };
const approver = { actorContributed: false, roles: ["approver"] as const };

function run(input: Partial<TransitionInput> & Pick<TransitionInput, "state" | "action">) {
  return transition({ actorContributed: false, roles: [], ...input });
}

describe("transition", () => {
  it("follows the happy path draft → submitted → published → draft", () => {
    expect(transition({ ...editor, state: "draft", action: "submit" })).toEqual({
      ok: true,
      next: "submitted",
    });
    expect(transition({ ...approver, state: "submitted", action: "approve" })).toEqual({
      ok: true,
      next: "published",
    });
    expect(transition({ ...editor, state: "published", action: "revise" })).toEqual({
      ok: true,
      next: "draft",
    });
  });

  it("refuses the author approving their own entry, even as approver (four-eyes)", () => {
    const both = { actorContributed: true, roles: ["editor", "approver"] as const };
    expect(transition({ ...both, state: "submitted", action: "approve" })).toEqual({
      ok: false,
      code: "FOUR_EYES",
    });
  });

  it("requires a comment to return or unpublish", () => {
    expect(transition({ ...approver, state: "submitted", action: "return" })).toEqual({
      ok: false,
      code: "COMMENT_REQUIRED",
    });
    expect(
      transition({ ...approver, state: "submitted", action: "return", comment: "   " }),
    ).toMatchObject({
      code: "COMMENT_REQUIRED",
    });
    expect(
      transition({ ...approver, state: "submitted", action: "return", comment: "แนบลิงก์ผิด" }),
    ).toEqual({
      ok: true,
      next: "returned",
    });
    expect(transition({ ...approver, state: "published", action: "unpublish" })).toMatchObject({
      code: "COMMENT_REQUIRED",
    });
    expect(
      transition({ ...approver, state: "published", action: "unpublish", comment: "ข้อมูลเก่า" }),
    ).toEqual({
      ok: true,
      next: "withdrawn",
    });
  });

  it("requires the right role", () => {
    expect(
      transition({ ...editor, actorContributed: false, state: "submitted", action: "approve" }),
    ).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(transition({ ...approver, state: "draft", action: "submit" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("refuses actions not allowed from the current state", () => {
    expect(run({ state: "draft", action: "approve", roles: ["approver"] })).toEqual({
      ok: false,
      code: "INVALID_TRANSITION",
    });
    expect(run({ state: "published", action: "submit", roles: ["editor"] })).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(
      run({ state: "withdrawn", action: "unpublish", roles: ["approver"], comment: "x" }),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("lets any editor take a submitted entry back to draft, never once an approver acted", () => {
    const otherEditor = { actorContributed: false, roles: ["editor"] as const };
    for (const who of [editor, otherEditor])
      expect(transition({ ...who, state: "submitted", action: "withdrawSubmission" })).toEqual({
        ok: true,
        next: "draft",
      });
    for (const state of ["draft", "returned", "published", "withdrawn"] as const)
      expect(transition({ ...editor, state, action: "withdrawSubmission" })).toEqual({
        ok: false,
        code: "INVALID_TRANSITION",
      });
    expect(transition({ ...approver, state: "submitted", action: "withdrawSubmission" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("lets a returned entry be resubmitted and a withdrawn one revised", () => {
    expect(transition({ ...editor, state: "returned", action: "submit" })).toEqual({
      ok: true,
      next: "submitted",
    });
    expect(transition({ ...editor, state: "withdrawn", action: "revise" })).toEqual({
      ok: true,
      next: "draft",
    });
  });
});

describe("allowedActions", () => {
  it("lists exactly the transitions table for each state and role", () => {
    const expected: Record<EntryState, { editor: EntryAction[]; approver: EntryAction[] }> = {
      draft: { editor: ["submit"], approver: [] },
      submitted: { editor: ["withdrawSubmission"], approver: ["return", "approve"] },
      returned: { editor: ["submit"], approver: [] },
      published: { editor: ["revise"], approver: ["unpublish"] },
      withdrawn: { editor: ["revise"], approver: [] },
    };
    for (const state of ENTRY_STATES) {
      expect(allowedActions({ ...editor, state })).toEqual(expected[state].editor);
      expect(allowedActions({ ...approver, state })).toEqual(expected[state].approver);
    }
  });

  it("hides approve from the author", () => {
    expect(
      allowedActions({
        actorContributed: true,
        roles: ["editor", "approver"],
        state: "submitted",
      }),
    ).toEqual(["withdrawSubmission", "return"]);
  });
});

describe("itemStatus", () => {
  it("summarises an item's entries", () => {
    expect(itemStatus([])).toBe("missing");
    expect(itemStatus(["withdrawn"])).toBe("missing");
    expect(itemStatus(["draft"])).toBe("draft");
    expect(itemStatus(["draft", "submitted"])).toBe("waiting");
    expect(itemStatus(["submitted", "returned"])).toBe("returned");
    expect(itemStatus(["published", "draft", "returned"])).toBe("published");
  });
});
