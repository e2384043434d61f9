import { cleanThaiText } from "@ita/domain/thai-text";
import type { TextState } from "@ita/domain/document-text";
import { canOcr, ocrImage, ocrPdfPages } from "./ocr.ts";
import { officeText } from "./office-text.ts";
import { pdfPages } from "./pdf-text.ts";
import type { ProgramLimits } from "./run-program.ts";

/** Enough for search; a 300-page PDF's full text is not needed to find it. */
export const MAX_EXTRACTED_CHARS = 200_000;
/** A page with fewer letters than this has no real text layer (a scan with a page number). */
const MIN_PAGE_LETTERS = 10;

const OCR_IMAGES = new Set(["image/png", "image/jpeg"]);

export interface TextLayer {
  text: string | null;
  /** What OCR would add: PDF pages (1-based) without text, the whole image, or nothing. */
  ocr: number[] | "image" | null;
  /** A PDF's pages as read, for the OCR pass to fill in. */
  pages?: string[];
}

function join(parts: string[]): string | null {
  const text = cleanThaiText(parts.join("\n\n").slice(0, MAX_EXTRACTED_CHARS * 2));
  return text ? text.slice(0, MAX_EXTRACTED_CHARS) : null;
}

const letters = (page: string) => page.replace(/[\s\p{P}\p{N}]/gu, "").length;

/**
 * The text a file carries itself (PDF text layer, Office, plain text), fast enough for the
 * upload request (external programs run in limited child processes), and what OCR
 * could add. Never throws: a file whose text cannot be read is still published.
 */
export async function readTextLayer(
  contentType: string,
  bytes: Uint8Array,
  limits?: Partial<ProgramLimits>,
): Promise<TextLayer> {
  try {
    if (contentType === "application/pdf") {
      const pages = await pdfPages(bytes, limits);
      const blank = pages.flatMap((p, i) => (letters(p) < MIN_PAGE_LETTERS ? [i + 1] : []));
      return { text: join(pages), ocr: blank.length > 0 ? blank : null, pages };
    }
    if (contentType.startsWith("text/"))
      return { text: join([new TextDecoder().decode(bytes)]), ocr: null };
    const office = await officeText(contentType, bytes);
    if (office !== null) return { text: join([office]), ocr: null };
    return { text: null, ocr: OCR_IMAGES.has(contentType) ? "image" : null };
  } catch (error) {
    console.warn(`text extraction failed (${contentType}):`, (error as Error).message);
    return { text: null, ocr: null };
  }
}

/** The state a file is stored in after the upload's quick pass. */
export function stateAfterTextLayer(layer: TextLayer): TextState {
  if (layer.ocr && canOcr()) return "reading";
  return layer.text ? "read" : "none";
}

/** The searchable text of a stored file, cleaned for Thai, or null (kept for callers without OCR). */
export async function extractText(
  contentType: string,
  bytes: Uint8Array,
  limits?: Partial<ProgramLimits>,
): Promise<string | null> {
  return (await readTextLayer(contentType, bytes, limits)).text;
}

/**
 * All the text of a file, OCR included (slow: run in a job). Pages with a text layer
 * keep it; pages without are read by tesseract.
 */
export async function readFullText(
  contentType: string,
  bytes: Uint8Array,
): Promise<{ text: string | null; state: TextState }> {
  const layer = await readTextLayer(contentType, bytes);
  if (!layer.ocr || !canOcr()) return { text: layer.text, state: layer.text ? "read" : "none" };
  try {
    if (layer.ocr === "image") {
      const text = join([await ocrImage(bytes)]);
      return { text, state: text ? "ocr" : "none" };
    }
    const pages = layer.pages ?? [];
    const read = await ocrPdfPages(bytes, layer.ocr);
    const text = join(pages.map((p, i) => read.get(i + 1) ?? p));
    return { text, state: read.size > 0 && text ? "ocr" : text ? "read" : "none" };
  } catch (error) {
    console.warn(`OCR failed (${contentType}):`, (error as Error).message);
    return { text: layer.text, state: layer.text ? "read" : "none" };
  }
}
