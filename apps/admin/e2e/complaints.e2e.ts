import AxeBuilder from "@axe-core/playwright";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { signIn } from "./helpers.ts";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(axe.violations).toEqual([]);
}

/** Files a complaint to จังหวัดลำพูน through the public form; returns the receipt code. */
async function fileComplaint(
  page: Page,
  description: string,
  identity?: { name: string; phone: string },
  evidence?: { name: string; buffer: Buffer },
) {
  await page.goto("/complaints/new/lamphun");
  await page.getByLabel("การเรียกรับสินบน").check();
  await page.getByLabel("รายละเอียดเรื่องที่ร้องเรียน").fill(description);
  await page.getByRole("button", { name: "ถัดไป" }).click();
  await page.getByRole("button", { name: "ถัดไป" }).click();
  if (evidence)
    await page
      .getByLabel("แนบไฟล์หลักฐาน — ไม่บังคับ")
      .setInputFiles({ ...evidence, mimeType: "application/pdf" });
  await page.getByRole("button", { name: "ถัดไป" }).click();
  if (identity) {
    await page.getByLabel("ระบุชื่อและช่องทางติดต่อ").check();
    await page.getByLabel("ชื่อ-นามสกุล").fill(identity.name);
    await page.getByLabel(/โทรศัพท์/).fill(identity.phone);
  }
  await page.getByRole("button", { name: "ถัดไป" }).click();
  await page.getByRole("button", { name: "ส่งเรื่องร้องเรียน" }).click();
  return {
    code: (await page.getByTestId("receipt-code").textContent())!.trim(),
    reference: (await page.getByTestId("receipt-reference").textContent())!.trim(),
  };
}

async function track(page: Page, code: string) {
  await page.goto("/complaints/track");
  await page.getByLabel("รหัสติดตามเรื่อง").fill(code);
  await page.getByRole("button", { name: "ดูสถานะ" }).click();
}

async function openCase(officer: Page, reference: string) {
  await officer.goto("/admin/");
  await officer.getByRole("link", { name: "เรื่องร้องเรียน" }).first().click();
  await officer.getByRole("link", { name: reference, exact: true }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(reference);
}

async function contexts(browser: Browser) {
  const complainant = await (await browser.newContext()).newPage();
  const officer = await (await browser.newContext()).newPage();
  return { complainant, officer };
}

test("a complaint from filing to an outcome: officer asks, complainant answers, officer closes", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { complainant, officer } = await contexts(browser);
  // Evidence with its author in the document properties: the officer gets it without.
  const doc = await PDFDocument.create();
  doc.setAuthor("Somchai Whistleblower");
  doc.addPage([200, 200]);
  const filed = await fileComplaint(
    complainant,
    "เจ้าหน้าที่ขอค่าดำเนินการพิเศษสามพันบาทเพื่อเร่งออกใบอนุญาต",
    undefined,
    { name: "ใบนัดรับเงิน.pdf", buffer: Buffer.from(await doc.save()) },
  );

  await signIn(officer, demoAccount("admin", "officer@example.go.th"));
  await openCase(officer, filed.reference);
  await expect(officer.getByTestId("case-description")).toContainText("สามพันบาท");
  // Its deadlines in the Buddhist Era, counted in working days.
  await expect(officer.getByTestId("acknowledge-by")).toContainText(/25\d\d/);
  await expect(officer.getByTestId("decide-by")).toContainText(/25\d\d/);
  await expectNoAxeViolations(officer);
  const downloading = officer.waitForEvent("download");
  await officer.getByRole("button", { name: "ดาวน์โหลด ใบนัดรับเงิน.pdf" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("ใบนัดรับเงิน.pdf");
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.includes("Somchai")).toBe(false);
  expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  await officer.getByLabel("ข้อความ", { exact: true }).fill("โปรดแจ้งวันที่และเวลาที่เกิดเหตุ");
  await officer.getByRole("button", { name: "ส่งถึงผู้ร้อง" }).click();
  await expect(officer.getByRole("status")).toHaveText("ส่งข้อความถึงผู้ร้องแล้ว");

  await track(complainant, filed.code);
  await expect(complainant.getByText("โปรดแจ้งวันที่และเวลาที่เกิดเหตุ")).toBeVisible();
  await complainant.getByLabel("ตอบหรือเพิ่มข้อมูล").fill("วันจันทร์ที่ 3 มีนาคม ช่วงบ่าย");
  await complainant.getByRole("button", { name: "ส่งข้อความ" }).click();
  await expect(complainant.getByRole("status")).toHaveText("ส่งข้อความแล้ว");

  await officer.reload();
  await expect(officer.getByText("วันจันทร์ที่ 3 มีนาคม ช่วงบ่าย")).toBeVisible();
  await officer.getByLabel("สถานะใหม่").selectOption({ label: "กำลังตรวจสอบเบื้องต้น" });
  await officer.getByRole("button", { name: "บันทึกสถานะ" }).click();
  await expect(officer.getByTestId("case-state")).toContainText("กำลังตรวจสอบเบื้องต้น");
  await officer.getByLabel("สถานะใหม่").selectOption({ label: "ยุติเรื่องแล้ว" });
  await officer.getByLabel("ผลการพิจารณา").selectOption({ label: "ไม่มีมูล" });
  await officer.getByRole("button", { name: "บันทึกสถานะ" }).click();
  await expect(officer.getByTestId("case-state")).toContainText("ไม่มีมูล");

  await track(complainant, filed.code);
  await expect(complainant.getByTestId("complaint-state")).toHaveText("ยุติเรื่องแล้ว");
  const stats = await complainant.request.get("/open-data/agencies/lamphun/complaints.json");
  const json = (await stats.json()) as { byOutcome: { cells: Record<string, number | null> } };
  // One closed case is a small cell: counted, but never published as a number.
  expect(json.byOutcome.cells.unsubstantiated).toBeNull();
});

test("a named complaint: the identity stays hidden until revealed with a reason", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { complainant, officer } = await contexts(browser);
  const filed = await fileComplaint(complainant, "มีการแบ่งสัญญาจัดซื้อวัสดุเพื่อหลีกเลี่ยงการประกวดราคา", {
    name: "มานี ทดสอบเปิดเผย",
    phone: "0812345678",
  });
  await signIn(officer, demoAccount("admin", "officer@example.go.th"));
  await openCase(officer, filed.reference);
  await expect(officer.getByText("มานี ทดสอบเปิดเผย")).toHaveCount(0);
  await officer.getByRole("button", { name: "แสดงตัวตนผู้ร้อง" }).click();
  await expect(officer.getByText(/เหตุผลในการเปิดเผยตัวตนผู้ร้อง/)).toBeVisible();
  await officer.getByLabel("เหตุผลที่ต้องดูตัวตนผู้ร้อง").fill("ต้องนัดหมายผู้ร้องเพื่อให้ถ้อยคำ");
  await officer.getByRole("button", { name: "แสดงตัวตนผู้ร้อง" }).click();
  await expect(officer.getByTestId("identity")).toContainText("มานี ทดสอบเปิดเผย");
  await expect(officer.getByText("เปิดดูตัวตนผู้ร้อง")).toBeVisible();

  // The reveal is in the audit log: the agency's administrator (who cannot read the
  // complaint) sees who revealed it and why — never the name itself.
  const auditor = await (await browser.newContext()).newPage();
  await signIn(auditor, demoAccount("admin", "agency-admin@example.go.th"));
  await auditor.getByRole("link", { name: "บันทึกการใช้งาน" }).click();
  await auditor.getByLabel("การกระทำ (ขึ้นต้นด้วย)").fill("complaint.identity-revealed");
  await auditor.getByLabel("การกระทำ (ขึ้นต้นด้วย)").press("Enter");
  await expect(auditor).toHaveURL(/action=complaint\.identity-revealed/);
  const row = auditor
    .getByRole("row")
    .filter({ hasText: "complaint.identity-revealed" })
    .filter({ hasText: "ต้องนัดหมายผู้ร้องเพื่อให้ถ้อยคำ" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("officer@example.go.th");
  await expect(auditor.getByText("มานี ทดสอบเปิดเผย")).toHaveCount(0);
  await expect(auditor.getByText("0812345678")).toHaveCount(0);
  await expectNoAxeViolations(auditor);
});

test("forwarding: the officer forwards to another agency without the identity; the complainant follows it with the same code", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { complainant, officer } = await contexts(browser);
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const filed = await fileComplaint(
    complainant,
    "ปลัด อบต.เหล่ายาวเรียกเงินค่าอนุมัติใบอนุญาตก่อสร้างห้าพันบาท",
    { name: "สมใจ ไม่ส่งต่อ", phone: "0891112222" },
    { name: "หลักฐานการโอน.pdf", buffer: Buffer.from(await doc.save()) },
  );

  await signIn(officer, demoAccount("admin", "officer@example.go.th"));
  await openCase(officer, filed.reference);
  const panel = officer.getByRole("region", { name: "ส่งต่อเรื่อง" });
  await panel.getByLabel("หน่วยงานอื่นในระบบ").check();
  // Forwarding without a chosen agency or a reason: each error by its own field.
  await panel.getByRole("button", { name: "ส่งต่อและปิดเรื่องนี้" }).click();
  await expect(panel.locator("#agencySlug-error")).toHaveText("กรุณาค้นหาและเลือกหน่วยงานที่จะส่งต่อ");
  await expect(panel.locator("#forward-reason-error")).toContainText("เหตุผลในการส่งต่อ");
  await panel.getByLabel("ค้นหาหน่วยงานด้วยชื่อ").fill("เหล่ายาว");
  await panel.getByRole("button", { name: "ค้นหา" }).click();
  await panel.getByLabel(/องค์การบริหารส่วนตำบลเหล่ายาว/).check();
  await panel
    .getByLabel("เหตุผลในการส่งต่อ")
    .fill("ผู้ถูกร้องเป็นพนักงานของ อบต.เหล่ายาว ไม่อยู่ในอำนาจของจังหวัด");
  // The complainant did not consent: the identity cannot go, and the officer is told so.
  await expect(panel.getByText("ผู้ร้องไม่ยินยอมให้ส่งข้อมูลตัวตนต่อ")).toBeVisible();
  await expect(panel.getByTestId("forward-what-goes")).toContainText(
    "ไฟล์หลักฐาน 1 ไฟล์ โดยไม่มีข้อมูลตัวตนของผู้ร้อง",
  );
  await expectNoAxeViolations(officer);
  await panel.getByRole("button", { name: "ส่งต่อและปิดเรื่องนี้" }).click();
  const status = officer.getByRole("status");
  await expect(status).toContainText("ส่งต่อแล้ว หน่วยงานปลายทางได้รับเรื่องเลขที่");
  const forwardedRef = (await status.textContent())!.match(/\d{4}\/\d{4}/)![0];
  await expect(officer.getByTestId("case-state")).toContainText("ส่งต่อหน่วยงานอื่น");
  await expect(officer.getByTestId("forward-line")).toContainText(
    `ส่งต่อให้ องค์การบริหารส่วนตำบลเหล่ายาว (เลขที่เรื่อง ${forwardedRef}) เมื่อ`,
  );
  await expect(officer.getByRole("region", { name: "ส่งต่อเรื่อง" })).toHaveCount(0);

  // The complainant: the case filed is closed with where it went; the new one is followed here.
  await track(complainant, filed.code);
  await expect(complainant.getByTestId("complaint-state")).toHaveText("ยุติเรื่องแล้ว");
  await expect(complainant.getByTestId("forward-line").first()).toContainText(
    /ส่งต่อให้ องค์การบริหารส่วนตำบลเหล่ายาว \(เลขที่เรื่อง \d{4}\/\d{4}\) เมื่อ \d{1,2} \S+ 25\d\d/,
  );
  await expect(complainant.getByText("ไม่ได้ส่งข้อมูลตัวตนของผู้ร้องไปด้วย").first()).toBeVisible();
  await expect(complainant.getByText("ไม่อยู่ในอำนาจของจังหวัด")).toHaveCount(0);
  const there = complainant.getByTestId("forwarded-case");
  await expect(there.getByTestId("forwarded-state")).toHaveText("ได้รับเรื่องแล้ว");
  await expect(there).toContainText(forwardedRef);
  await expectNoAxeViolations(complainant);
  await complainant.getByLabel("ตอบหรือเพิ่มข้อมูล").fill("ผู้ถูกร้องนัดรับเงินที่ร้านกาแฟหน้า อบต.");
  await complainant.getByRole("button", { name: "ส่งข้อความ" }).click();
  await expect(complainant.getByRole("status")).toHaveText("ส่งข้อความแล้ว");
  await expect(there).toContainText("ผู้ถูกร้องนัดรับเงินที่ร้านกาแฟหน้า อบต.");

  // The receiving agency's officer: content, evidence and the answer — never the name.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, demoAccount("admin", "officer2@example.go.th"));
  await openCase(other, forwardedRef);
  await expect(other.getByTestId("case-description")).toContainText("ห้าพันบาท");
  await expect(other.getByRole("button", { name: "ดาวน์โหลด หลักฐานการโอน.pdf" })).toBeVisible();
  await expect(other.getByText("ผู้ถูกร้องนัดรับเงินที่ร้านกาแฟหน้า อบต.")).toBeVisible();
  await expect(other.getByText(/รับเรื่องต่อจาก จังหวัดลำพูน/)).toBeVisible();
  await expect(other.getByText("ไม่เปิดเผยชื่อ")).toBeVisible();
  await expect(other.getByText("สมใจ ไม่ส่งต่อ")).toHaveCount(0);
});
