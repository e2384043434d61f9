import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMPLAINT_MESSAGES, ct } from "./complaint-i18n.ts";
import { buildReceiptPdf, ReceiptPdfInput, receiptPdfFileName } from "./receipt-pdf.ts";

const dir = mkdtempSync(join(tmpdir(), "receipt-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Poppler's text of the PDF in content order (what search, copy and indexing see). */
function pdfText(bytes: Uint8Array): string {
  const file = join(dir, `r-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}
/** Lines wrap at Thai word boundaries: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");

const receipt = {
  reference: "2568/0007",
  receiptCode: "ABCD-EFGH-JKMN-PQRS-TV12",
  agencyName: "องค์การบริหารส่วนตำบลป่าซาง จังหวัดลำพูน",
  receivedAt: new Date("2025-02-27T07:05:00Z"),
  origin: "https://ita.example.go.th",
};

describe("complaint receipt PDF", () => {
  it("holds the code, reference, agency, BE date, follow-up address and the warning, in Thai", async () => {
    const bytes = await buildReceiptPdf({ ...receipt, lang: "th" });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = pdfText(bytes);
    const th = COMPLAINT_MESSAGES.th;
    for (const expected of [
      th.receiptTitle,
      th.receiptCode,
      receipt.receiptCode,
      th.receiptWarning, // ซ้ำ, สำหรับ: SARA AM and stacked marks extract exactly
      receipt.reference,
      receipt.agencyName,
      "27 กุมภาพันธ์ 2568 เวลา 14:05 น.", // Buddhist Era, Bangkok time
      th.howToFollow,
      "https://ita.example.go.th/complaints/track",
    ])
      expect(squash(text)).toContain(squash(expected));
    expect(text).not.toContain("\u0000");
  });

  it("speaks English when the receipt page did, still with the BE year", async () => {
    const text = pdfText(await buildReceiptPdf({ ...receipt, lang: "en" }));
    expect(squash(text)).toContain(squash(ct("en", "receiptWarning")));
    expect(text).toContain("2568");
    expect(text).not.toContain("2025");
  });

  it("accepts only the receipt page's own fields", () => {
    const ok = ReceiptPdfInput.safeParse({
      code: "abcd efgh jkmn pqrs tv12",
      reference: "2568/0007",
      agency: receipt.agencyName,
      receivedAt: receipt.receivedAt.toISOString(),
    });
    expect(ok.success && ok.data.code).toBe(receipt.receiptCode);
    expect(ok.success && ok.data.lang).toBe("th");
    for (const bad of [
      { code: "not-a-code" },
      { reference: "../../etc/passwd" },
      { agency: "" },
      { receivedAt: "yesterday" },
      { lang: "fr" },
    ])
      expect(
        ReceiptPdfInput.safeParse({
          code: receipt.receiptCode,
          reference: receipt.reference,
          agency: receipt.agencyName,
          receivedAt: receipt.receivedAt.toISOString(),
          ...bad,
        }).success,
      ).toBe(false);
  });

  it("names the file after the reference without a slash", () => {
    expect(receiptPdfFileName("2568/0007")).toBe("receipt-2568-0007.pdf");
  });
});
