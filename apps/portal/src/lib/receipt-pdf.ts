/**
 * The complaint receipt as a PDF the complainant can keep (issue #11, ADR 0025).
 * Renders only what the complainant posted back from their own receipt page plus fixed
 * wording; it never looks anything up. Sarabun comes from @fontsource (woff only: a Thai
 * subset file and a Latin subset file), so each line is drawn in runs, one font per script.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { complaintTrackPath } from "@ita/domain/paths";
import { formatThaiDate } from "@ita/domain/thai-date";
import { normalizeReceiptCode } from "@ita/domain/complaints";
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
import { z } from "zod";
import { ct } from "./complaint-i18n.ts";
import type { Lang } from "./i18n.ts";

export interface ReceiptPdfData {
  reference: string;
  receiptCode: string;
  agencyName: string;
  receivedAt: Date;
  lang: Lang;
  /** The site's origin, so the follow-up address printed on paper is complete. */
  origin: string;
}

const bilingual = (th: string, en: string) => `${th} / ${en}`;

/** What the receipt page's download form posts; anything else is a 400. */
export const ReceiptPdfInput = z.object({
  code: z
    .string()
    .max(100)
    .transform((v, ctx) => {
      const code = normalizeReceiptCode(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "code" });
        return z.NEVER;
      }
      return code;
    }),
  reference: z.string().regex(/^\d{4}\/\d{4,6}$/),
  agency: z.string().trim().min(1).max(300),
  receivedAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  lang: z.enum(["th", "en"]).default("th"),
});

export const RECEIPT_PDF_BAD_INPUT = bilingual(
  "ข้อมูลสำหรับสร้างใบรับเรื่องไม่ถูกต้อง กรุณากลับไปที่หน้าใบรับเรื่องแล้วลองอีกครั้ง",
  "The receipt data is not valid. Go back to the receipt page and try again.",
);

export const receiptPdfFileName = (reference: string) =>
  `receipt-${reference.replace(/[^0-9A-Za-z-]/g, "-")}.pdf`;

const require = createRequire(import.meta.url);
const fontFile = (subset: "thai" | "latin", weight: 400 | 700) =>
  require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff`);

let fontBytes: Promise<Record<"thai400" | "thai700" | "latin400" | "latin700", Uint8Array>> | null =
  null;
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
 * (PDF 32000 §14.9.4): text extraction, search, copy and screen readers get the words we
 * wrote, whatever the glyphs are (ADR 0025).
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

const embedOptions = { subset: true };

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

export async function buildReceiptPdf(data: ReceiptPdfData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = await loadFonts();
  const regular: FontPair = {
    thai: await doc.embedFont(bytes.thai400, embedOptions),
    latin: await doc.embedFont(bytes.latin400, embedOptions),
  };
  const bold: FontPair = {
    thai: await doc.embedFont(bytes.thai700, embedOptions),
    latin: await doc.embedFont(bytes.latin700, embedOptions),
  };
  const t = (key: Parameters<typeof ct>[1]) => ct(data.lang, key);
  doc.setTitle(`${t("receiptTitle")} ${data.reference}`);
  doc.setLanguage(data.lang === "th" ? "th-TH" : "en-GB");

  const page: PDFPage = doc.addPage([595.28, 841.89]); // A4
  const margin = 56;
  const maxWidth = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;

  const draw = (text: string, fonts: FontPair, size: number, gapAfter = 6) => {
    for (const line of wrap(text, fonts, size, maxWidth)) {
      y -= size * 1.25;
      drawActualText(doc, page, line, () => {
        let x = margin;
        for (const r of runs(line, fonts)) {
          page.drawText(r.text, { x, y, size, font: r.font, color: rgb(0.1, 0.1, 0.1) });
          x += r.font.widthOfTextAtSize(r.text, size);
        }
      });
      y -= size * 0.35;
    }
    y -= gapAfter;
  };

  draw(t("receiptTitle"), bold, 20, 14);
  draw(t("receiptCode"), regular, 12, 0);
  draw(data.receiptCode, bold, 22, 10);
  draw(t("receiptWarning"), bold, 13, 14);
  const rows: [string, string][] = [
    [t("reference"), data.reference],
    [t("agency"), data.agencyName],
    [t("receivedAt"), formatThaiDate(data.receivedAt, { lang: data.lang, withTime: true })],
  ];
  for (const [label, value] of rows) {
    draw(label, regular, 11, 0);
    draw(value, bold, 14, 8);
  }
  y -= 6;
  draw(`${t("howToFollow")}: ${t("trackTitle")}`, regular, 13, 2);
  draw(new URL(complaintTrackPath(), data.origin).href, regular, 13, 0);

  return doc.save();
}
