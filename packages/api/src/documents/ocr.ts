import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { hasProgram, runProgram } from "./run-program.ts";
import { withTempFile } from "./temp-file.ts";

/** Resolution pages are rasterised at: tesseract reads Thai marks well from 200 dpi. */
export const OCR_DPI = 200;
/** Scanned pages read per file; a 500-page scan is found by its first pages. */
export const MAX_OCR_PAGES = 50;

const OCR_LIMITS = { timeoutMs: 120_000, cpuSeconds: 240, memoryMb: 1536 };
const RASTER_LIMITS = { timeoutMs: 60_000, memoryMb: 1024, fileMb: 128 };

export function canOcr(): boolean {
  return hasProgram("tesseract") && hasProgram("pdftoppm");
}

async function tesseract(image: string): Promise<string> {
  const out = await runProgram("tesseract", [image, "stdout", "-l", "tha+eng", "--psm", "3"], {
    limits: OCR_LIMITS,
  });
  return out.toString("utf8");
}

/** The text of an image file (PNG, JPEG) by OCR. */
export async function ocrImage(bytes: Uint8Array): Promise<string> {
  return withTempFile(bytes, "image", (path) => tesseract(path));
}

/**
 * The text of the given PDF pages (1-based) by OCR: each rasterised by pdftoppm in
 * grey at OCR_DPI, then read by tesseract. A page that fails is left empty.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  pages: number[],
): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  await withTempFile(bytes, "in.pdf", async (path, dir) => {
    for (const page of pages.slice(0, MAX_OCR_PAGES)) {
      const prefix = join(dir, `p${page}`);
      try {
        await runProgram(
          "pdftoppm",
          [
            "-r",
            String(OCR_DPI),
            "-gray",
            "-png",
            "-f",
            String(page),
            "-l",
            String(page),
            path,
            prefix,
          ],
          { limits: RASTER_LIMITS },
        );
        const image = (await readdir(dir)).find(
          (f) => f.startsWith(`p${page}-`) || f.startsWith(`p${page}.`),
        );
        if (image) texts.set(page, await tesseract(join(dir, image)));
      } catch (error) {
        console.warn(`OCR of page ${page} failed:`, (error as Error).message);
      }
    }
  });
  return texts;
}
