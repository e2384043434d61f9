/**
 * Thai PDF documents (ADR 0025): pdf-lib + fontkit with the Sarabun woff files of
 * @fontsource, one font per script in runs, lines wrapped at Intl.Segmenter word
 * boundaries, each line wrapped in an /ActualText span so extraction, search and screen
 * readers get the exact Thai. The complaint receipt (portal) and the year's measures
 * document (ADR 0029) are both written with it; pages are added as text runs over.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  rgb,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";

const require = createRequire(import.meta.url);
const fontFile = (subset: "thai" | "latin", weight: 400 | 700) =>
  require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff`);

type FontBytes = Record<"thai400" | "thai700" | "latin400" | "latin700", Uint8Array>;
let fontBytes: Promise<FontBytes> | null = null;
function loadFonts() {
  fontBytes ??= (async () => {
    const [thai400, thai700, latin400, latin700] = await Promise.all(
      [
        fontFile("thai", 400),
        fontFile("thai", 700),
        fontFile("latin", 400),
        fontFile("latin", 700),
      ].map((f) => readFile(f)),
    );
    return { thai400: thai400!, thai700: thai700!, latin400: latin400!, latin700: latin700! };
  })();
  return fontBytes;
}

/**
 * pdf-lib shapes with fontkit (GSUB: Sarabun's `ccmp` picks the raised tone marks, so the
 * marks sit right) but keeps one ToUnicode entry per glyph, and `ccmp` splits SARA AM (ำ)
 * into NIKHAHIT + the shared SARA AA glyph, which then extracts wrongly. Each run is
 * therefore wrapped in a marked-content span whose /ActualText is the exact string
 * (PDF 32000 §14.9.4).
 */
function drawActualText(doc: PDFDocument, page: PDFPage, text: string, draw: () => void): void {
  // An inline property dictionary is valid for BDC (§14.6.2); pdf-lib's operand type
  // just does not list dictionaries, though it serialises them.
  const props = doc.context.obj({
    ActualText: PDFHexString.fromText(text),
  }) as unknown as NonNullable<Parameters<typeof PDFOperator.of>[1]>[number];
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), props]),
  );
  draw();
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}

interface FontPair {
  thai: PDFFont;
  latin: PDFFont;
}

/** Thai letters, marks and digits go to the Thai subset; everything else to Latin. */
const THAI_RUN = /([\u0E00-\u0E7F\u200B-\u200D\u25CC]+)/;

function runs(text: string, fonts: FontPair): { text: string; font: PDFFont }[] {
  return text
    .split(THAI_RUN)
    .filter((t) => t.length > 0)
    .map((t) => ({ text: t, font: THAI_RUN.test(t) ? fonts.thai : fonts.latin }));
}

function widthOf(text: string, fonts: FontPair, size: number): number {
  return runs(text, fonts).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
}

/** Word-wraps on spaces and, inside Thai, on Intl.Segmenter word boundaries. */
function wrap(text: string, fonts: FontPair, size: number, maxWidth: number): string[] {
  const words = [...new Intl.Segmenter("th", { granularity: "word" }).segment(text)].map(
    (s) => s.segment,
  );
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line + word;
    if (line && widthOf(next.trimEnd(), fonts, size) > maxWidth) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface DrawOptions {
  bold?: boolean;
  size?: number;
  /** Space after the paragraph, in points. */
  gapAfter?: number;
  /** Left indent, in points. */
  indent?: number;
}

/** A Thai A4 document written top to bottom; a new page starts when the text reaches the bottom margin. */
export interface ThaiPdf {
  /** Draws a paragraph, wrapped to the page width. */
  draw(text: string, options?: DrawOptions): void;
  /** Vertical space, in points. */
  space(points: number): void;
  save(): Promise<Uint8Array>;
}

const A4: [number, number] = [595.28, 841.89];

export async function createThaiPdf(meta: { title: string; lang: "th" | "en" }): Promise<ThaiPdf> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = await loadFonts();
  const embed = (b: Uint8Array) => doc.embedFont(b, { subset: true });
  const regular: FontPair = {
    thai: await embed(bytes.thai400),
    latin: await embed(bytes.latin400),
  };
  const bold: FontPair = { thai: await embed(bytes.thai700), latin: await embed(bytes.latin700) };
  doc.setTitle(meta.title);
  doc.setLanguage(meta.lang === "th" ? "th-TH" : "en-GB");

  const margin = 56;
  let page = doc.addPage(A4);
  let y = page.getHeight() - margin;
  const maxWidth = page.getWidth() - margin * 2;

  return {
    draw(text, options = {}) {
      const { size = 12, gapAfter = 6, indent = 0 } = options;
      const fonts = options.bold ? bold : regular;
      for (const line of wrap(text, fonts, size, maxWidth - indent)) {
        if (y - size * 1.6 < margin) {
          page = doc.addPage(A4);
          y = page.getHeight() - margin;
        }
        y -= size * 1.25;
        const target = page;
        drawActualText(doc, target, line, () => {
          let x = margin + indent;
          for (const r of runs(line, fonts)) {
            target.drawText(r.text, { x, y, size, font: r.font, color: rgb(0.1, 0.1, 0.1) });
            x += r.font.widthOfTextAtSize(r.text, size);
          }
        });
        y -= size * 0.35;
      }
      y -= gapAfter;
    },
    space(points) {
      y -= points;
    },
    save: () => doc.save(),
  };
}
