import { parse } from "csv-parse/sync";

/** A CSV row by its header's names (trimmed), with the file line it started on. */
export interface CsvRecord {
  record: Record<string, string>;
  line: number;
}

/** Why a file could not be read as CSV at all, in Thai and English, at the line found. */
export interface CsvUnreadable {
  line: number | null;
  th: string;
  en: string;
}

/**
 * Reads an uploaded CSV (a BOM from Excel allowed, blank lines skipped, cells trimmed)
 * into records named by its header row, each with its line for per-line problems. The
 * imports that report problems by line (frameworks, public holidays) read files here.
 */
export function readCsvRecords(
  text: string,
): { ok: true; records: CsvRecord[] } | { ok: false; problem: CsvUnreadable } {
  try {
    const rows: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    return { ok: true, records: rows.map((r) => ({ record: r.record, line: r.info.lines })) };
  } catch (error) {
    return {
      ok: false,
      problem: {
        line: (error as { lines?: number }).lines ?? null,
        th: "อ่านไฟล์ CSV ไม่ได้ (ตรวจเครื่องหมายคำพูดและจำนวนคอลัมน์)",
        en: `The CSV cannot be read: ${(error as Error).message}`,
      },
    };
  }
}
