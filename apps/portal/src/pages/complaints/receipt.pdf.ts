/**
 * The complaint receipt as a PDF (issue #11). POST only: the receipt code must never be
 * in a URL, a log line or a cache. It renders only what the receipt page posted back
 * (the complainant already holds all of it) and looks nothing up.
 */
import type { APIRoute } from "astro";
import {
  buildReceiptPdf,
  RECEIPT_PDF_BAD_INPUT,
  ReceiptPdfInput,
  receiptPdfFileName,
} from "../../lib/receipt-pdf.ts";
import { publicOrigin } from "../../lib/urls.ts";

const PRIVATE_HEADERS = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

export const POST: APIRoute = async ({ request, url }) => {
  const form = await request.formData().catch(() => null);
  const parsed = ReceiptPdfInput.safeParse(
    form ? Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) : {},
  );
  if (!parsed.success) {
    return new Response(RECEIPT_PDF_BAD_INPUT, {
      status: 400,
      headers: { ...PRIVATE_HEADERS, "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { code, reference, agency, receivedAt, lang } = parsed.data;
  const pdf = await buildReceiptPdf({
    receiptCode: code,
    reference,
    agencyName: agency,
    receivedAt,
    lang,
    origin: publicOrigin(url),
  });
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      ...PRIVATE_HEADERS,
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${receiptPdfFileName(reference)}"`,
    },
  });
};
