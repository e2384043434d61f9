import { describe, expect, it, vi } from "vitest";
import { render, textOf } from "../../../../../../test/render.ts";
import PrintPage from "./+page.svelte";

vi.mock("#lib/api.ts", () => ({ api: {} }));

const measure = {
  source: "question",
  code: "E4",
  score: 92.05,
  finding: "ช่องทางการเผยแพร่ข้อมูลเข้าถึงได้ยาก",
  measureTitle: "ปรับปรุงเว็บไซต์ของหน่วยงาน",
  steps: ["ปรับปรุงข้อมูลพื้นฐาน", "ดูแลระบบให้พร้อมใช้งาน"],
  startDate: "2024-10-01",
  endDate: "2025-09-30",
  responsibleUnit: "กลุ่มงานยุทธศาสตร์",
  monitoring: "รายงานทุกไตรมาส",
  progress: [],
};

describe("the printable measures document", () => {
  it("opens with the seeds' title block and sets part 2 out as the PDF's five-column table", () => {
    const root = render(PrintPage, {
      data: {
        year: { agency: { nameTh: "จังหวัดลำพูน" }, measures: [measure] },
        part: "measures",
        fiscalYear: 2568,
        loadError: null,
      },
      params: { agencyId: "a-1", fy: "2568" },
    } as never);
    expect(textOf(root.querySelector("h1"))).toBe(
      "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ของ จังหวัดลำพูน",
    );
    const headings = [...root.querySelectorAll("table thead th")].map((th) => textOf(th));
    expect(headings).toEqual([
      "มาตรการ/แนวทาง",
      "วิธีดำเนินการ",
      "ผู้รับผิดชอบ",
      "ระยะเวลาดำเนินการ",
      "การติดตาม/การรายงานผล",
    ]);
    // A cell's paragraphs, as the PDF wraps them.
    const cells = [...root.querySelectorAll("table tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) =>
        [...td.querySelectorAll("p")].map((p) => textOf(p)),
      ),
    );
    expect(cells).toEqual([
      [
        ["๑. ปรับปรุงเว็บไซต์ของหน่วยงาน", "ประเด็นที่ ๑ ข้อ E4"],
        ["๑. ปรับปรุงข้อมูลพื้นฐาน", "๒. ดูแลระบบให้พร้อมใช้งาน"],
        ["กลุ่มงานยุทธศาสตร์"],
        ["๑ ตุลาคม ๒๕๖๗ –", "๓๐ กันยายน ๒๕๖๘"],
        ["รายงานทุกไตรมาส"],
      ],
    ]);
  });
});
