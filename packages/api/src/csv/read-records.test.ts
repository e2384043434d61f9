import { describe, expect, it } from "vitest";
import { readCsvRecords } from "./read-records.ts";

describe("readCsvRecords", () => {
  it("reads Excel's CSV (BOM, spaces, blank lines) into named records with their lines", () => {
    const read = readCsvRecords(
      '\uFEFFdate , nameTh\n2026-04-13, วันสงกรานต์ \n\n2026-04-14,"วันสงกรานต์"\n',
    );
    expect(read).toEqual({
      ok: true,
      records: [
        { record: { date: "2026-04-13", nameTh: "วันสงกรานต์" }, line: 2 },
        { record: { date: "2026-04-14", nameTh: "วันสงกรานต์" }, line: 4 },
      ],
    });
  });

  it("says in Thai and English, with the line, why a file is not CSV", () => {
    const read = readCsvRecords('date,nameTh\n2026-04-13,"unclosed\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem.line).toBeGreaterThanOrEqual(2);
    expect(read.problem.th).toContain("อ่านไฟล์ CSV ไม่ได้");
    expect(read.problem.en).toMatch(/^The CSV cannot be read: /);
  });
});
