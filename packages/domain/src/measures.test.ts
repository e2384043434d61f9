import { describe, expect, it } from "vitest";
import { measuresDocument, proposeWeakPoints, weakPointLabel } from "./measures.ts";

const LAMPHUN_2567 = [93.06, 94.42, 97.47, 84.2, 91.75, 93.4, 89.28, 83.31, 100, 100];

describe("weak points from last year's result", () => {
  it("proposes the indicators below the threshold, lowest first, never unknown ones", () => {
    expect(proposeWeakPoints(LAMPHUN_2567, 2567).map((p) => [p.code, p.score])).toEqual([
      ["8", 83.31],
      ["4", 84.2],
    ]);
    expect(proposeWeakPoints([null, 10, ...LAMPHUN_2567.slice(2)], 2567, 50)).toHaveLength(1);
    expect(proposeWeakPoints(null, 2567)).toEqual([]);
    expect(proposeWeakPoints(LAMPHUN_2567, 2567)[1]!.finding).toContain(
      "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ได้ 84.2 คะแนน",
    );
  });

  it("names an indicator and a question", () => {
    expect(weakPointLabel("indicator", "8")).toBe("ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน");
    expect(weakPointLabel("question", "I10", "en")).toBe("Question I10");
  });
});

describe("the measures document", () => {
  const measure = {
    source: "question" as const,
    code: "E9",
    score: 89.16,
    finding: "การใช้งานระบบ E-Service",
    measureTitle: "ยกระดับการให้บริการผ่าน E-Service",
    steps: ["พัฒนาระบบ", "ประชาสัมพันธ์"],
    startDate: "2024-10-01",
    endDate: "2025-09-30",
    responsibleUnit: "สำนักงานจังหวัด",
    monitoring: "รายงานทุกไตรมาส",
    progress: [{ date: "2025-01-15", status: "in-progress" as const, text: "ทดลองใช้ระบบแล้ว" }],
  };
  const doc = (part: "measures" | "implementation") =>
    measuresDocument({
      agencyName: "จังหวัดลำพูน",
      fiscalYear: 2568,
      part,
      measures: [measure],
      madeOn: "2025-02-27",
    });

  it("analyses last year in part 1 and sets out the measure in part 2, in Thai digits", () => {
    const d = doc("measures");
    expect(d.title).toBe("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ พ.ศ. ๒๕๖๘");
    const texts = d.blocks.map((b) => b.text);
    expect(texts[0]).toContain("ส่วนที่ ๑");
    expect(texts[0]).toContain("๒๕๖๗");
    expect(texts).toContain("คะแนน ๘๙.๑๖ คะแนน");
    expect(texts).toContain("๑. พัฒนาระบบ");
    expect(texts).toContain("ระยะเวลาดำเนินการ: ๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘");
    expect(texts.join("\n")).not.toContain("ผลการดำเนินการ");
    expect(d.subtitle).toBe("จังหวัดลำพูน · จัดทำเมื่อ ๒๗ กุมภาพันธ์ ๒๕๖๘");
  });

  it("reports progress with its date and status in the implementation report", () => {
    const texts = doc("implementation").blocks.map((b) => b.text);
    expect(texts).toContain("๑๕ มกราคม ๒๕๖๘ (อยู่ระหว่างดำเนินการ) ทดลองใช้ระบบแล้ว");
  });
});
