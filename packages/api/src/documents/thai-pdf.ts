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
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
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

/**
 * Widths of pieces of text, per font pair and size: fontkit shapes the text at every
 * measurement, and wrapping measures each word once instead of each line again per word.
 */
const widths = new WeakMap<FontPair, Map<string, number>>();

function widthOf(text: string, fonts: FontPair, size: number): number {
  let known = widths.get(fonts);
  if (!known) widths.set(fonts, (known = new Map()));
  const key = `${size}|${text}`;
  let width = known.get(key);
  if (width === undefined) {
    width = runs(text, fonts).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
    known.set(key, width);
  }
  return width;
}

const words = new Intl.Segmenter("th", { granularity: "word" });
const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * Word-wraps on spaces and, inside Thai, on Intl.Segmenter word boundaries. A word wider
 * than the line by itself (a URL, a long code in a narrow table cell) is cut between
 * grapheme clusters, so a tone mark never leaves its consonant. A line's width is the sum
 * of its words' (shaping does not reach across a word boundary).
 */
function wrap(text: string, fonts: FontPair, size: number, maxWidth: number): string[] {
  const width = (t: string) => widthOf(t, fonts, size);
  const pieces = [...words.segment(text)].flatMap(({ segment }) => {
    if (width(segment.trimEnd()) <= maxWidth) return [segment];
    const cut: string[] = [];
    let part = "";
    for (const { segment: g } of graphemes.segment(segment)) {
      if (part && width(part + g) > maxWidth) {
        cut.push(part);
        part = g;
      } else part += g;
    }
    return part ? [...cut, part] : cut;
  });
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const piece of pieces) {
    if (line && lineWidth + width(piece.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
      lineWidth = width(line);
    } else {
      line += piece;
      lineWidth += width(piece);
    }
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
  /** Centred lines (a document's title block); left by default. */
  align?: "left" | "center";
}

/** A cell's content: paragraphs, each wrapped to the column. */
export type TableCell = readonly string[];

export interface TableOptions {
  /** The header row's cells, drawn bold on a grey ground and repeated atop every page the table reaches. */
  headings: readonly string[];
  /** Relative column widths (any unit; shared out over the text width), one per heading. */
  widths: readonly number[];
  rows: readonly (readonly TableCell[])[];
  size?: number;
  gapAfter?: number;
}

/** A Thai A4 document written top to bottom; a new page starts when the text reaches the bottom margin. */
export interface ThaiPdf {
  /** Draws a paragraph, wrapped to the page width. */
  draw(text: string, options?: DrawOptions): void;
  /**
   * Draws a ruled table. A row that does not fit in what is left of the page starts the
   * next page; a row taller than a whole page is continued on the next, each column
   * carrying on where it stopped. Every page the table reaches begins with its header row.
   */
  table(options: TableOptions): void;
  /** Vertical space, in points. */
  space(points: number): void;
  save(): Promise<Uint8Array>;
}

const A4: [number, number] = [595.28, 841.89];
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.35, 0.35, 0.35);
const HEADER_GROUND = rgb(0.9, 0.9, 0.9);

export async function createThaiPdf(meta: {
  title: string;
  lang: "th" | "en";
  /** Landscape for wide tables (the yearly measures' five columns); portrait by default. */
  orientation?: "portrait" | "landscape";
}): Promise<ThaiPdf> {
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

  const pageSize: [number, number] =
    meta.orientation === "landscape" ? [A4[1], A4[0]] : [A4[0], A4[1]];
  const margin = meta.orientation === "landscape" ? 42 : 56;
  let page = doc.addPage(pageSize);
  let y = page.getHeight() - margin;
  const maxWidth = page.getWidth() - margin * 2;
  const newPage = () => {
    page = doc.addPage(pageSize);
    y = page.getHeight() - margin;
  };

  /** Each page's resource name for each font: pdf-lib's drawText adds a new one per call. */
  const fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();
  const fontKey = (target: PDFPage, font: PDFFont) => {
    let keys = fontKeys.get(target);
    if (!keys) fontKeys.set(target, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = target.node.newFontDictionary(font.name, font.ref)));
    return key;
  };

  /**
   * One line at its baseline, in runs of the two fonts, in one text object whose
   * marked-content span carries the exact text. pdf-lib shapes with fontkit (GSUB:
   * Sarabun's `ccmp` picks the raised tone marks, so the marks sit right) but keeps one
   * ToUnicode entry per glyph, and `ccmp` splits SARA AM (ำ) into NIKHAHIT + the shared
   * SARA AA glyph, which then extracts wrongly; hence /ActualText (PDF 32000 §14.9.4).
   * The span sits INSIDE the text object, after the font is set: Poppler (pdftotext, the
   * search indexing) adds an ActualText's characters at EMC in the state of that moment,
   * and a span closed after the Q of pdf-lib's own drawText (q BT … ET Q per call) got
   * the restored state, without the text's font: pdftotext's default layout then gave the
   * lines bottom to top (only `-raw` kept them in order).
   */
  const drawLine = (line: string, x: number, baseline: number, size: number, fonts: FontPair) => {
    // An inline property dictionary is valid for BDC (§14.6.2); pdf-lib's operand type
    // just does not list dictionaries, though it serialises them.
    const props = doc.context.obj({
      ActualText: PDFHexString.fromText(line),
    }) as unknown as NonNullable<Parameters<typeof PDFOperator.of>[1]>[number];
    const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingColor(INK)];
    let runX = x;
    runs(line, fonts).forEach((r, i) => {
      ops.push(setFontAndSize(fontKey(page, r.font), size));
      if (i === 0) {
        ops.push(
          PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), props]),
        );
      }
      ops.push(setTextMatrix(1, 0, 0, 1, runX, baseline), showText(r.font.encodeText(r.text)));
      runX += r.font.widthOfTextAtSize(r.text, size);
    });
    ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent), endText(), popGraphicsState());
    page.pushOperators(...ops);
  };

  return {
    draw(text, options = {}) {
      const { size = 12, gapAfter = 6, indent = 0, align = "left" } = options;
      const fonts = options.bold ? bold : regular;
      for (const line of wrap(text, fonts, size, maxWidth - indent)) {
        if (y - size * 1.6 < margin) newPage();
        y -= size * 1.25;
        const x =
          align === "center"
            ? margin + (maxWidth - widthOf(line, fonts, size)) / 2
            : margin + indent;
        drawLine(line, x, y, size, fonts);
        y -= size * 0.35;
      }
      y -= gapAfter;
    },
    table({ headings, widths, rows, size = 11, gapAfter = 8 }) {
      const pad = 4;
      const lineHeight = size * 1.45;
      const total = widths.reduce((a, b) => a + b, 0);
      const columns = widths.map((w) => (w / total) * maxWidth);
      const lefts = columns.map((_, i) => margin + columns.slice(0, i).reduce((a, b) => a + b, 0));
      const linesOf = (cell: TableCell, fonts: FontPair, i: number) =>
        cell.flatMap((p) => wrap(p, fonts, size, columns[i]! - pad * 2));

      /** A band of the table: each column's lines from `from`, `count` lines high. */
      const band = (
        cells: string[][],
        from: number,
        count: number,
        fonts: FontPair,
        ground?: boolean,
      ) => {
        const height = count * lineHeight + pad * 2;
        const top = y;
        columns.forEach((width, i) => {
          page.drawRectangle({
            x: lefts[i]!,
            y: top - height,
            width,
            height,
            borderColor: RULE,
            borderWidth: 0.6,
            ...(ground ? { color: HEADER_GROUND } : {}),
          });
          cells[i]!.slice(from, from + count).forEach((line, k) => {
            // The baseline sits a descender's depth above the bottom of its line.
            const baseline = top - pad - (k + 1) * lineHeight + size * 0.42;
            drawLine(line, lefts[i]! + pad, baseline, size, fonts);
          });
        });
        y = top - height;
      };

      const header = headings.map((h, i) => linesOf([h], bold, i));
      const headerLines = Math.max(1, ...header.map((c) => c.length));
      const headerHeight = headerLines * lineHeight + pad * 2;
      /** Lines of a body row that fit below the header on a page with `room` points left. */
      const linesFitting = (room: number) => Math.floor((room - pad * 2) / lineHeight);
      const fullPage = linesFitting(page.getHeight() - margin * 2 - headerHeight);
      const drawHeader = () => band(header, 0, headerLines, bold, true);

      /** True right after a page was begun with the header: moving on would gain nothing. */
      let fresh = false;
      const continueOnNextPage = () => {
        newPage();
        drawHeader();
        fresh = true;
      };

      // The header never stands alone at the foot of a page.
      if (linesFitting(y - margin - headerHeight) < 2) newPage();
      drawHeader();
      for (const row of rows) {
        const cells = row.map((cell, i) => linesOf(cell, regular, i));
        const rowLines = Math.max(1, ...cells.map((c) => c.length));
        let from = 0;
        while (from < rowLines) {
          const left = rowLines - from;
          const fit = linesFitting(y - margin);
          // Move to the next page a row that would fit there whole, and any row when
          // hardly a line fits here; split only what no page could hold.
          if (!fresh && left > fit && ((from === 0 && left <= fullPage) || fit < 2)) {
            continueOnNextPage();
            continue;
          }
          const count = Math.max(1, Math.min(left, fit));
          band(cells, from, count, regular);
          fresh = false;
          from += count;
          if (from < rowLines) continueOnNextPage();
        }
      }
      y -= gapAfter;
    },
    space(points) {
      y -= points;
    },
    save: () => doc.save(),
  };
}
