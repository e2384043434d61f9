import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { hasProgram } from "@ita/api/documents";
import { scannedThaiAnnouncement } from "@ita/api/testing/thai-pdf";
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

const FY = currentFiscalYear();
const TITLE = `ประกาศฉบับสแกน (ทดสอบ ${Date.now().toString(36)})`;

test("a scanned page uploads at once, the admin shows OCR progress, then the text read", async ({
  page,
}) => {
  test.skip(!hasProgram("tesseract") || !hasProgram("pdftoppm"), "OCR tools not installed");
  test.setTimeout(120_000);
  const { png } = await scannedThaiAnnouncement();
  await signIn(page, demoAccount("admin", "editor@example.go.th"));
  await page.getByRole("link", { name: "รายการที่ต้องเผยแพร่" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`ปีงบประมาณ ${FY}`);
  await page.locator(`tr[data-item="O10"] a`).click();
  await page.getByLabel("ชื่อเรื่อง").fill(TITLE);
  await page.getByRole("button", { name: "สร้างฉบับร่าง" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);

  await page.locator("#entry-files").setInputFiles({
    name: "scan.png",
    mimeType: "image/png",
    buffer: Buffer.from(png),
  });
  const state = page.getByTestId("text-state");
  // The upload answered before OCR ran: the file waits in the queue, and the page says so.
  await expect(state).toHaveAttribute("data-state", /reading|ocr/);
  // The job queue in the server process reads it; the page refreshes by itself.
  await expect(state).toHaveAttribute("data-state", "ocr", { timeout: 90_000 });
  await expect(state).toHaveText("อ่านด้วย OCR");
  await page.getByText("ดูข้อความที่อ่านได้จาก scan.png").click();
  await expect(page.locator("pre.file-text")).toContainText(/ลำพูน|องค์การ|ไฟป่า/);
  await signOut(page);
});
