import { describe, expect, it } from "vitest";
import { englishOf } from "../errors.ts";
import {
  canForwardComplaint,
  forwardLine,
  forwardOutcome,
  forwardProblem,
  forwardWhatGoes,
  type ForwardPlan,
  type ForwardRecord,
} from "./forwarding.ts";
import { ForwardComplaintInput } from "./inputs.ts";

const ID = "0b0c6a1e-7f39-4e07-9d3c-0d1f6b7f2a11";
const plan = (over: Partial<ForwardPlan> = {}): ForwardPlan => ({
  target: "agency",
  sourceAgencyId: "A",
  targetAgency: { id: "B", officers: 1 },
  includeIdentity: false,
  identity: "not-consented",
  ...over,
});

describe("forwarding a complaint", () => {
  it("is open to every open state and closes with the forwarded outcome", () => {
    expect(canForwardComplaint("received")).toBe(true);
    expect(canForwardComplaint("screening")).toBe(true);
    expect(canForwardComplaint("investigating")).toBe(true);
    expect(canForwardComplaint("closed")).toBe(false);
    expect(forwardOutcome("agency")).toBe("forwarded-agency");
    expect(forwardOutcome("nacc")).toBe("forwarded-nacc");
  });

  it("goes only to another agency that has complaint officers", () => {
    expect(forwardProblem(plan())).toBeNull();
    expect(forwardProblem(plan({ targetAgency: null }))).toEqual({
      field: "agencySlug",
      message: "agencyUnknown",
    });
    expect(forwardProblem(plan({ targetAgency: { id: "A", officers: 3 } }))?.message).toBe(
      "forwardSameAgency",
    );
    expect(forwardProblem(plan({ targetAgency: { id: "B", officers: 0 } }))?.message).toBe(
      "forwardNoOfficers",
    );
    // The NACC is outside the system: no agency to check.
    expect(forwardProblem(plan({ target: "nacc", targetAgency: null }))).toBeNull();
  });

  it("passes the identity only with the complainant's consent", () => {
    expect(forwardProblem(plan({ includeIdentity: true, identity: "consented" }))).toBeNull();
    expect(forwardProblem(plan({ includeIdentity: true, identity: "not-consented" }))).toEqual({
      field: "includeIdentity",
      message: "forwardNoConsent",
    });
    expect(
      forwardProblem(plan({ target: "nacc", includeIdentity: true, identity: "anonymous" }))
        ?.message,
    ).toBe("forwardAnonymous");
    // Not passing it needs no consent.
    expect(forwardProblem(plan({ identity: "anonymous" }))).toBeNull();
  });

  it("requires an agency or a letter number by the field, and a reason", () => {
    const errors = (input: Record<string, unknown>) => {
      const r = ForwardComplaintInput.safeParse({ complaintId: ID, ...input });
      return r.success
        ? {}
        : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(errors({ target: "agency", reason: "ไม่อยู่ในอำนาจหน้าที่ของเรา" })).toEqual({
      agencySlug: "กรุณาค้นหาและเลือกหน่วยงานที่จะส่งต่อ",
    });
    const nacc = errors({ target: "nacc", letterNumber: "", reason: "สั้น" });
    expect(nacc.letterNumber).toBe("กรุณากรอกเลขที่หนังสือนำส่ง ป.ป.ช.");
    expect(englishOf(nacc.letterNumber!)).toBe("Enter the number of the letter to the NACC.");
    expect(nacc.reason).toContain("เหตุผลในการส่งต่อ");
    expect(errors({ reason: "ไม่อยู่ในอำนาจหน้าที่ของเรา" }).target).toBe(
      "กรุณาเลือกว่าจะส่งต่อให้หน่วยงานอื่นหรือสำนักงาน ป.ป.ช.",
    );
    const ok = ForwardComplaintInput.parse({
      complaintId: ID,
      target: "nacc",
      letterNumber: " ลพ 0023/123 ",
      reason: "เป็นเรื่องของผู้บริหารท้องถิ่น",
    });
    expect(ok).toMatchObject({ letterNumber: "ลพ 0023/123", includeIdentity: false });
  });

  it("is told in the timeline with the recipient and the date in the Buddhist Era", () => {
    const at = new Date("2025-03-07T03:00:00Z");
    const toAgency: ForwardRecord = {
      direction: "out",
      target: "agency",
      agency: { slug: "b", nameTh: "เทศบาลตำบลบี", nameEn: "Bee Municipality" },
      reference: "2568/0003",
      identityPassed: false,
      reason: null,
    };
    expect(forwardLine(toAgency, at, "th")).toBe(
      "ส่งต่อให้ เทศบาลตำบลบี (เลขที่เรื่อง 2568/0003) เมื่อ 7 มีนาคม 2568",
    );
    expect(forwardLine(toAgency, at, "en")).toBe(
      "Forwarded to Bee Municipality (reference 2568/0003) on 7 March 2568 BE",
    );
    const toNacc: ForwardRecord = {
      ...toAgency,
      target: "nacc",
      agency: null,
      reference: "ลพ 1/2",
    };
    expect(forwardLine(toNacc, at, "th")).toBe(
      "ส่งต่อให้ สำนักงาน ป.ป.ช. (หนังสือเลขที่ ลพ 1/2) เมื่อ 7 มีนาคม 2568",
    );
    expect(forwardLine({ ...toAgency, direction: "in" }, at, "th")).toMatch(/^รับเรื่องต่อจาก/);
  });

  it("says plainly what goes, with or without the identity", () => {
    expect(forwardWhatGoes({ target: "agency", files: 2, includeIdentity: false }).th).toContain(
      "ไฟล์หลักฐาน 2 ไฟล์ โดยไม่มีข้อมูลตัวตนของผู้ร้อง",
    );
    expect(forwardWhatGoes({ target: "agency", files: 0, includeIdentity: true }).en).toContain(
      "with the complainant's name and contacts",
    );
    expect(forwardWhatGoes({ target: "nacc", files: 1, includeIdentity: false }).th).toContain(
      "ระบบไม่ได้ส่งข้อมูลใดไปยัง ป.ป.ช.",
    );
  });
});
