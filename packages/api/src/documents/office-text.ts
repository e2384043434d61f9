import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";

export const OFFICE_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const;

/** What an Office file may unpack to before we read it: its zip is checked first. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

/**
 * Refuses a zip bomb before any library inflates it: the sizes the archive declares
 * (read from its central directory, nothing inflated) must stay within bounds. The
 * libraries then inflate only what was declared.
 */
function checkUnpackedSize(bytes: Uint8Array): void {
  let total = 0;
  let entries = 0;
  unzipSync(bytes, {
    filter: (file) => {
      total += file.originalSize;
      entries += 1;
      return false;
    },
  });
  if (total > MAX_UNPACKED_BYTES || entries > MAX_ENTRIES)
    throw new Error(`office file unpacks to ${total} bytes in ${entries} entries`);
}

async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

/** Sheet names and cell values (formula results, not formulas), a line per row. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const parts: string[] = [];
  book.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) => {
      const cells = (row.values as ExcelJS.CellValue[]).map(cellText).filter(Boolean);
      if (cells.length > 0) parts.push(cells.join(" "));
    });
  });
  return parts.join("\n");
}

const XML_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? whole;
  });
}

/**
 * Slide text in slide order: the text runs (`<a:t>`) of each slide and its notes, a
 * line per paragraph. No well-kept library reads PPTX text without also bringing a
 * PDF renderer and an OCR engine that downloads its models (docs/adr/0015-document-text.md).
 */
function pptxText(bytes: Uint8Array): string {
  const slide = /^ppt\/(slides\/slide|notesSlides\/notesSlide)(\d+)\.xml$/;
  const files = unzipSync(bytes, { filter: (f) => slide.test(f.name) });
  const order = (name: string) => {
    const [, kind, n] = slide.exec(name)!;
    return Number(n) * 2 + (kind!.startsWith("notes") ? 1 : 0);
  };
  return Object.keys(files)
    .sort((a, b) => order(a) - order(b))
    .map((name) =>
      strFromU8(files[name]!)
        .split(/<\/a:p>/)
        .map((p) =>
          [...p.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1]!)).join(""),
        )
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n\n");
}

/** The text of a DOCX, XLSX or PPTX file, or null for any other type. Throws on a broken file. */
export async function officeText(contentType: string, bytes: Uint8Array): Promise<string | null> {
  const kind = Object.entries(OFFICE_TYPES).find(([, type]) => type === contentType)?.[0];
  if (!kind) return null;
  checkUnpackedSize(bytes);
  if (kind === "docx") return docxText(bytes);
  if (kind === "xlsx") return xlsxText(bytes);
  return pptxText(bytes);
}
