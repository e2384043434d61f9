import { MEASURES_TABLE_HEADINGS, type MeasureRecord } from "@ita/domain/measures";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPages } from "../documents/pdf-text.ts";
import { hasProgram } from "../documents/run-program.ts";
import { pdfActualText, pdfActualTextPages } from "../testing/pdf-actual-text.ts";
import { buildMeasuresPdf } from "./measures-pdf.ts";

/** A measure as the Lamphun seed writes one (ประเด็นที่ ๔, the loan of state property). */
const MEASURE: MeasureRecord = {
  source: "question",
  code: "I10",
  score: 71.77,
  finding: "บุคลากรมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานไม่ถูกต้องตามขั้นตอน",
  measureTitle: "จัดทำคู่มือมาตรการการใช้ทรัพย์สินของทางราชการที่ถูกต้อง",
  steps: [
    "แจ้งทุกส่วนราชการจัดทำแนวทางในการขอยืมทรัพย์สินของทางราชการตามประเภทงานด้านต่างๆ ไว้ในคู่มือหรือแนวทางการปฏิบัติงานอย่างชัดเจน",
    "แจ้งประชาสัมพันธ์คู่มือหรือแนวทางการขอยืมทรัพย์สินของราชการให้แก่บุคลากรในหน่วยงานได้รับทราบ",
  ],
  startDate: "2024-10-01",
  endDate: "2025-09-30",
  responsibleUnit: "สำนักงานจังหวัดลำพูน และส่วนราชการส่วนภูมิภาค จำนวน ๓๓ ส่วนราชการ",
  monitoring: "รายงานผลการดำเนินการในการประชุมหัวหน้าส่วนราชการ",
  progress: [],
};

const build = (
  measures: readonly MeasureRecord[],
  part: "measures" | "implementation" = "measures",
) =>
  buildMeasuresPdf({
    agencyName: "จังหวัดลำพูน",
    fiscalYear: 2568,
    part,
    measures,
    madeOn: "2025-02-27",
  });

/**
 * Where each expected string occurs in the drawn text, each after the one before; -1 when
 * missing or out of order. Spaces are ignored, so a cell's text matches across its
 * wrapped lines (a cell's lines are drawn one after another).
 */
function positionsInOrder(lines: readonly string[], expected: readonly string[]): number[] {
  const text = lines.join("").replace(/\s+/g, "");
  let from = 0;
  return expected.map((e) => {
    const at = text.indexOf(e.replace(/\s+/g, ""), from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

/** The pages after the one where the table begins: each must open with the header row. */
function continuedPages(pages: readonly string[][]): string[][] {
  const first = pages.findIndex((p) => p.includes(MEASURES_TABLE_HEADINGS[0]));
  expect(first).toBeGreaterThanOrEqual(0);
  return pages.slice(first + 1);
}

describe("the yearly measures PDF in the seeds' form", () => {
  it("opens with the seeds' title block and sets the measures out in the five-column table, on A4 landscape", async () => {
    const bytes = await build([MEASURE]);
    const doc = await PDFDocument.load(bytes);
    const first = doc.getPage(0);
    expect([Math.round(first.getWidth()), Math.round(first.getHeight())]).toEqual([842, 595]);

    const lines = await pdfActualText(bytes);
    expect(lines.slice(0, 5)).toEqual([
      "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
      "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
      "ของ",
      "จังหวัดลำพูน",
      "จัดทำเมื่อ ๒๗ กุมภาพันธ์ ๒๕๖๘",
    ]);
    // The header row, then the measure's cells column by column (the order they are
    // read out); the period in BE with Thai digits, a date a line.
    const positions = positionsInOrder(lines, [
      "ส่วนที่ ๒",
      ...MEASURES_TABLE_HEADINGS,
      "๑. จัดทำคู่มือ",
      "ประเด็นที่ ๑ ข้อ I10",
      "๑. แจ้งทุกส่วนราชการ",
      "๒. แจ้งประชาสัมพันธ์คู่มือ",
      "สำนักงาน",
      "๑ ตุลาคม ๒๕๖๗ –",
      "๓๐ กันยายน ๒๕๖๘",
      "รายงานผลการดำเนินการในการประชุม",
    ]);
    expect(positions).not.toContain(-1);
    // Each heading is a cell of its own, one line each at this width.
    const at = lines.indexOf(MEASURES_TABLE_HEADINGS[0]);
    expect(lines.slice(at, at + 5)).toEqual([...MEASURES_TABLE_HEADINGS]);
  });

  it("wraps Thai inside a cell at word boundaries only, losing nothing", async () => {
    const step = MEASURE.steps[0]!.replace(/\s+/g, "");
    const lines = await pdfActualText(await build([{ ...MEASURE, steps: [step] }]));
    const first = lines.findIndex((l) => l.startsWith("๑. แจ้งทุกส่วนราชการ"));
    const unit = lines.findIndex((l) => l.startsWith("สำนักงาน"));
    const cell = lines.slice(first, unit);
    // The step is wider than its column: it takes several lines…
    expect(cell.length).toBeGreaterThan(2);
    // …which put back together are the step, and every break falls between two words.
    expect(cell.join("")).toBe(`๑. ${step}`);
    const boundaries = new Set(
      [...new Intl.Segmenter("th", { granularity: "word" }).segment(`๑. ${step}`)].map(
        (s) => s.index,
      ),
    );
    let offset = 0;
    for (const line of cell.slice(0, -1)) {
      offset += line.length;
      expect(boundaries.has(offset), `a break inside a word after "${line}"`).toBe(true);
    }
  });

  it("carries a measure too long for one page over to the next, its header row repeated on each", async () => {
    const steps = Array.from(
      { length: 60 },
      (_, i) =>
        `ขั้นที่ ${i + 1} แจ้งเวียนให้ทุกส่วนราชการถือปฏิบัติตามแนวทางการขอยืมทรัพย์สินของทางราชการอย่างเคร่งครัด และรายงานผลให้ผู้บริหารทราบทุกเดือน`,
    );
    const bytes = await build([{ ...MEASURE, steps }]);
    const pages = await pdfActualTextPages(bytes);
    const withSteps = pages.filter((p) => p.some((l) => l.includes("ขั้นที่")));
    expect(withSteps.length).toBeGreaterThan(1);
    for (const page of continuedPages(pages))
      expect(page.slice(0, 5)).toEqual([...MEASURES_TABLE_HEADINGS]);
    // Every step is there once, in order, whichever page it fell on.
    const all = pages.flat();
    const starts = steps.map((_, i) => all.findIndex((l) => l.includes(`ขั้นที่ ${i + 1} `)));
    expect(starts).not.toContain(-1);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // The columns that had less to say stop on the first page.
    expect(pages[0]!.some((l) => l.startsWith("สำนักงาน"))).toBe(true);
  });

  it("moves a row that fits on a page to the next page whole rather than cutting it", async () => {
    const measures = Array.from({ length: 14 }, (_, i) => ({
      ...MEASURE,
      measureTitle: `มาตรการที่ ${i + 1}`,
      steps: [...MEASURE.steps, ...MEASURE.steps],
    }));
    const pages = await pdfActualTextPages(await build(measures));
    expect(pages.length).toBeGreaterThan(2);
    const titles = measures.map((m) => m.measureTitle);
    for (const [i, title] of titles.entries()) {
      const page = pages.find((p) => p.some((l) => l.endsWith(title)));
      expect(page, title).toBeDefined();
      // From the row's first cell to the next row (or the page's end), the end of its
      // tallest cell (the fourth step) is there too: the row was not cut.
      const start = page!.findIndex((l) => l.endsWith(title));
      const next = page!.findIndex((l) => l.endsWith(titles[i + 1] ?? "\u0000"));
      const row = page!.slice(start, next > start ? next : undefined);
      expect(positionsInOrder(row, ["ข้อ I10", `๔. ${MEASURE.steps[1]}`]), title).not.toContain(-1);
    }
    const continued = continuedPages(pages);
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page.slice(0, 5)).toEqual([...MEASURES_TABLE_HEADINGS]);
  });

  it("adds each measure's progress to its reporting cell in the implementation report", async () => {
    const lines = await pdfActualText(
      await build(
        [
          {
            ...MEASURE,
            progress: [{ date: "2025-01-15", status: "in-progress", text: "จัดทำคู่มือแล้ว" }],
          },
        ],
        "implementation",
      ),
    );
    expect(lines[0]).toBe("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
    expect(
      positionsInOrder(lines, [
        "การติดตาม/การรายงานผล",
        MEASURE.monitoring,
        "ผลการดำเนินการ",
        "๑๕ มกราคม ๒๕๖๘ (อยู่ระหว่างดำเนินการ) จัดทำคู่มือแล้ว",
      ]),
    ).not.toContain(-1);
  });

  // The text the portal's search reads from the published file (poppler where installed).
  it.skipIf(!hasProgram("pdftotext"))(
    "gives poppler the headings on every page the table reaches",
    async () => {
      const steps = Array.from({ length: 60 }, (_, i) => `ขั้นที่ ${i + 1} แจ้งเวียนให้ทุกส่วนราชการถือปฏิบัติ`);
      const pages = await pdfPages(await build([{ ...MEASURE, steps }]));
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        const text = page.replace(/\s+/g, "");
        for (const heading of MEASURES_TABLE_HEADINGS) expect(text).toContain(heading);
      }
    },
  );
});
