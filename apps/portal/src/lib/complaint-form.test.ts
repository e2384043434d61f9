import { describe, expect, it } from "vitest";
import {
  emptyDraft,
  fieldMessage,
  nextStep,
  readDraft,
  stepErrors,
  toFilingInput,
} from "./complaint-form.ts";

const agencyId = "5b1f3c1e-6a57-4d8e-9c36-0f8a1c2b3d4e";

describe("the no-JavaScript complaint form", () => {
  it("sends no identity for an anonymous draft, whatever was typed", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      formToken: "t".repeat(43),
      subject: "gifts",
      description: "มีการรับกระเช้าของขวัญราคาแพงจากผู้รับเหมา",
      mode: "anonymous",
      name: "ชื่อที่พิมพ์ไว้แล้วเปลี่ยนใจ",
    }))
      form.set(k, v);
    const input = toFilingInput(readDraft(form), agencyId);
    expect(input.identity).toBeUndefined();
    form.set("mode", "named");
    expect(toFilingInput(readDraft(form), agencyId).identity?.name).toBe("ชื่อที่พิมพ์ไว้แล้วเปลี่ยนใจ");
  });

  it("validates only the steps reached, and moves on only when they are valid", () => {
    const draft = emptyDraft();
    expect(draft.formToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const errors = stepErrors(draft, agencyId, "what");
    expect(Object.keys(errors).sort()).toEqual(["description", "subject"]);
    expect(errors.subject).toBe("กรุณาเลือกประเภทเรื่องร้องเรียน");
    expect(fieldMessage(errors.subject!, "en")).toBe("Choose the type of complaint.");
    expect(fieldMessage(errors.description!, "en")).toBe(
      "The description must be at least 20 characters long.",
    );
    expect(nextStep("what", "next", true)).toBe("what");
    expect(nextStep("what", "next", false)).toBe("details");
    expect(nextStep("details", "back", true)).toBe("what");
    expect(nextStep("review", "next", false)).toBe("review");
    const named = { ...draft, subject: "other", description: "x".repeat(30), mode: "named" };
    expect(Object.keys(stepErrors(named, agencyId, "details"))).toEqual([]);
    expect(Object.keys(stepErrors(named, agencyId, "identity"))).toEqual(["name"]);
  });
});
