import { extractText } from "unpdf";
import { hasProgram, runProgram, type ProgramLimits } from "./run-program.ts";
import { withTempFile } from "./temp-file.ts";

/** Pages read for search: enough to find any real document, bounded for a hostile one. */
export const MAX_PDF_PAGES = 500;

/**
 * The text layer of a PDF. Poppler's `pdftotext` (right in Thai, in a limited child
 * process) when installed; pdf.js otherwise, whose Thai loses tone marks on some fonts
 * (see docs/adr on document text). Throws on a broken or hostile file: the caller
 * decides that a file without text is still a file.
 */
export async function pdfText(bytes: Uint8Array, limits?: Partial<ProgramLimits>): Promise<string> {
  if (hasProgram("pdftotext")) {
    return withTempFile(bytes, "in.pdf", async (path) => {
      const out = await runProgram(
        "pdftotext",
        ["-enc", "UTF-8", "-l", String(MAX_PDF_PAGES), path, "-"],
        { limits },
      );
      return out.toString("utf8");
    });
  }
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text;
}
