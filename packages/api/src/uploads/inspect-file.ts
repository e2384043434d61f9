import { fileTypeFromBuffer } from "file-type";
import { fieldError } from "../authz/field-error.ts";
import type { TextState } from "@ita/domain/document-text";
import { readTextLayer, stateAfterTextLayer } from "../documents/extract-text.ts";
import { withMatchingExtension } from "./file-extension.ts";

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** What agencies publish: documents, spreadsheets, images. Detected from the bytes, never from the name. */
const ALLOWED: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "application/x-cfb": "Office 97–2003",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/webp": "WebP",
};

export const ALLOWED_TYPES_LABEL =
  "PDF, Word, Excel, PowerPoint, PNG, JPEG, WebP, CSV หรือข้อความ (.txt)";

export const ALLOWED_TYPES_LABEL_EN =
  "PDF, Word, Excel, PowerPoint, PNG, JPEG, WebP, CSV or plain text (.txt)";

export function tooLargeMessage(): { th: string; en: string } {
  const mb = MAX_UPLOAD_BYTES / 1024 / 1024;
  return { th: `ไฟล์ใหญ่เกิน ${mb} MB`, en: `The file is larger than ${mb} MB.` };
}

export interface InspectedFile {
  fileName: string;
  contentType: string;
  extractedText: string | null;
  /** `reading` when OCR is to add text: the upload queues a job for it. */
  textState: TextState;
}

/**
 * A safe display name: no folders, no control characters, at most 200 characters. Bidi
 * controls go too: U+202E would show "report\u202Efdp.exe" as "reportexe.pdf".
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .normalize("NFC")
    .trim();
  return clean.slice(-200) || "ไฟล์แนบ";
}

/**
 * Validates type and size from the content (a renamed .exe stays an .exe) and pulls
 * the text out of PDFs for search. Throws a ZodError on `file` so the form shows why.
 */
export async function inspectFile(fileName: string, bytes: Uint8Array): Promise<InspectedFile> {
  const name = cleanFileName(fileName);
  if (bytes.byteLength === 0)
    throw fieldError("file", "ไฟล์ว่างเปล่า โปรดเลือกไฟล์อีกครั้ง", "The file is empty. Choose it again.");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    const { th, en } = tooLargeMessage();
    throw fieldError("file", th, en);
  }
  const detected = await detectFileType(name, bytes);
  const contentType = detected?.mime;
  if (!contentType || (!ALLOWED[contentType] && !contentType.startsWith("text/"))) {
    throw fieldError(
      "file",
      `ไม่รองรับไฟล์ประเภทนี้ (${detected?.ext ?? "ไม่ทราบชนิด"}) รองรับ ${ALLOWED_TYPES_LABEL}`,
      `This type of file (${detected?.ext ?? "unknown"}) is not accepted. Accepted: ${ALLOWED_TYPES_LABEL_EN}.`,
    );
  }
  const layer = await readTextLayer(contentType, bytes);
  return {
    fileName: withMatchingExtension(name, contentType, detected?.ext),
    contentType,
    extractedText: layer.text,
    textState: stateAfterTextLayer(layer),
  };
}

/**
 * The type of a file from its bytes (a renamed .exe stays an .exe): file-type's magic
 * numbers, and plain UTF-8 text for .csv/.txt names. The one sniffer for every upload —
 * entries' attachments here, complaint evidence in complaints/evidence.ts.
 */
export async function detectFileType(
  name: string,
  bytes: Uint8Array,
): Promise<{ mime: string; ext: string } | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return { mime: detected.mime, ext: detected.ext };
  if (/\.(csv|txt)$/i.test(name) && isUtf8Text(bytes))
    return name.toLowerCase().endsWith(".csv")
      ? { mime: "text/csv", ext: "csv" }
      : { mime: "text/plain", ext: "txt" };
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    // eslint-disable-next-line no-control-regex -- binary files contain NULs
    return !/\u0000/.test(text);
  } catch {
    return false;
  }
}
