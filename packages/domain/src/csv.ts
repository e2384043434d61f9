export type CsvValue = string | number | boolean | null | undefined;

/**
 * Spreadsheets run text cells starting with these as formulas (CSV injection, OWASP):
 * `-` too (`-2+3+cmd|' /C calc'!A0`). Only text is neutralised: numbers stay numbers.
 */
const FORMULA_START = /^[-=+@\t\r]/;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled) with a UTF-8 byte-order mark, so
 * Excel opens Thai text correctly.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
