import { describe, expect, it } from "vitest";
import * as agencyTypes from "./agency-types.ts";
import * as complaints from "./complaints/index.ts";
import * as documentText from "./document-text.ts";
import * as errors from "./errors.ts";
import { glossaryProblems, stringsIn } from "./glossary.ts";
import * as publication from "./publication.ts";
import * as roles from "./roles.ts";
import * as workflow from "./workflow.ts";

describe("glossaryProblems", () => {
  it("accepts text that follows the glossary", () => {
    for (const ok of [
      "เผยแพร่แล้ว 3 · ฉบับร่าง 1",
      "หน้าหลัก › ผู้ใช้งาน",
      " · รอตอบรับคำเชิญ",
      "ไฟล์แนบ (PDF)",
      "(ไม่บังคับ)",
      "ล้างการยืนยันตัวตนสองขั้นตอน (โทรศัพท์หาย)",
      "{count} ข้อ ({percent}%)",
    ])
      expect(glossaryProblems(ok), ok).toEqual([]);
  });

  it("flags replaced words and missing spaces", () => {
    expect(glossaryProblems("ล้าง 2FA")).toHaveLength(1);
    expect(glossaryProblems("Reset two-factor")).toHaveLength(1);
    expect(glossaryProblems("ยังไม่มีข้อมูล")).toHaveLength(1);
    expect(glossaryProblems("Missing")).toHaveLength(1);
    expect(glossaryProblems("ถอนการเผยแพร่แล้ว")).toHaveLength(1);
    expect(glossaryProblems("ระบบจะตัดส่วนที่ไม่ปลอดภัยออกให้")).toHaveLength(1);
    expect(glossaryProblems("ร่าง·รออนุมัติ")).toHaveLength(1);
    expect(glossaryProblems("ร่าง ·รออนุมัติ")).toHaveLength(1);
    expect(glossaryProblems("หน้าหลัก›ผู้ใช้")).toHaveLength(1);
    expect(glossaryProblems("ไฟล์แนบ(PDF)")).toHaveLength(1);
  });
});

describe("the domain's labels follow docs/glossary.md", () => {
  const modules = { agencyTypes, complaints, documentText, errors, publication, roles, workflow };
  const labels = Object.entries(modules).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(([name]) => /LABELS|MESSAGES/.test(name))
      .map(([name, value]) => [`${module}.${name}`, value] as const),
  );

  it("finds the label records", () => {
    expect(labels.map(([name]) => name)).toContain("workflow.ITEM_STATUS_LABELS");
    expect(labels.length).toBeGreaterThan(8);
  });

  it.each(labels)("%s", (_name, value) => {
    expect(stringsIn(value).flatMap(glossaryProblems)).toEqual([]);
  });
});
