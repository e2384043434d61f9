/**
 * The complaint receipt as a PDF the complainant can keep (issue #11, ADR 0025).
 * Renders only what the complainant posted back from their own receipt page plus fixed
 * wording; it never looks anything up. Written with the shared Thai PDF writer
 * (`@ita/api/thai-pdf`: Sarabun, one font per script, /ActualText per line).
 */
import { createThaiPdf } from "@ita/api/thai-pdf";
import { complaintTrackPath } from "@ita/domain/paths";
import { formatThaiDate } from "@ita/domain/thai-date";
import { normalizeReceiptCode } from "@ita/domain/complaints";
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

export async function buildReceiptPdf(data: ReceiptPdfData): Promise<Uint8Array> {
  const t = (key: Parameters<typeof ct>[1]) => ct(data.lang, key);
  const pdf = await createThaiPdf({
    title: `${t("receiptTitle")} ${data.reference}`,
    lang: data.lang,
  });
  pdf.draw(t("receiptTitle"), { bold: true, size: 20, gapAfter: 14 });
  pdf.draw(t("receiptCode"), { size: 12, gapAfter: 0 });
  pdf.draw(data.receiptCode, { bold: true, size: 22, gapAfter: 10 });
  pdf.draw(t("receiptWarning"), { bold: true, size: 13, gapAfter: 14 });
  const rows: [string, string][] = [
    [t("reference"), data.reference],
    [t("agency"), data.agencyName],
    [t("receivedAt"), formatThaiDate(data.receivedAt, { lang: data.lang, withTime: true })],
  ];
  for (const [label, value] of rows) {
    pdf.draw(label, { size: 11, gapAfter: 0 });
    pdf.draw(value, { bold: true, size: 14, gapAfter: 8 });
  }
  pdf.space(6);
  pdf.draw(`${t("howToFollow")}: ${t("trackTitle")}`, { size: 13, gapAfter: 2 });
  pdf.draw(new URL(complaintTrackPath(), data.origin).href, { size: 13, gapAfter: 0 });
  return pdf.save();
}
