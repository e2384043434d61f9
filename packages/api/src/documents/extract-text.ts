import { cleanThaiText } from "@ita/domain/thai-text";
import { pdfText } from "./pdf-text.ts";
import type { ProgramLimits } from "./run-program.ts";

/** Enough for search; a 300-page PDF's full text is not needed to find it. */
export const MAX_EXTRACTED_CHARS = 200_000;

/**
 * The searchable text of a stored file, cleaned for Thai, or null when it has none.
 * Never throws: a file whose text cannot be read (scanned, damaged, hostile, a missing
 * tool) is still published, only not found by its content.
 */
export async function extractText(
  contentType: string,
  bytes: Uint8Array,
  limits?: Partial<ProgramLimits>,
): Promise<string | null> {
  try {
    const raw =
      contentType === "application/pdf"
        ? await pdfText(bytes, limits)
        : contentType.startsWith("text/")
          ? new TextDecoder().decode(bytes)
          : null;
    const clean = raw === null ? "" : cleanThaiText(raw.slice(0, MAX_EXTRACTED_CHARS * 2));
    return clean ? clean.slice(0, MAX_EXTRACTED_CHARS) : null;
  } catch (error) {
    console.warn(`text extraction failed (${contentType}):`, (error as Error).message);
    return null;
  }
}
