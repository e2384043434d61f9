import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";

/** A one-page PDF whose properties name its author (removed on upload). */
async function evidencePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor("Somchai Whistleblower");
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(axe.violations).toEqual([]);
}

/**
 * The complainant's whole path: agency search, five steps with Thai errors by the
 * fields, an evidence file (a refused one first), receipt, tracking, a reply and the
 * withdrawal. Run without JavaScript (the promise) and with
 * it (axe needs JavaScript to check each page).
 */
async function fileAndTrack(page: Page, axe: (page: Page) => Promise<void>, scripted: boolean) {
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "ร้องเรียน" }).click();
  await expect(page).toHaveURL(/\/complaints\/new$/);
  await page.getByLabel("ชื่อหน่วยงาน").fill("ลำพูน");
  await page.getByRole("button", { name: "ค้นหา" }).click();
  await axe(page);
  await page.getByRole("link", { name: "จังหวัดลำพูน", exact: true }).click();
  await expect(page).toHaveURL(/\/complaints\/new\/lamphun$/);

  // Step 1: nothing chosen → errors next to the fields, in Thai.
  await page.getByRole("button", { name: "ถัดไป" }).click();
  await expect(page.getByText("กรุณาเลือกประเภทเรื่องร้องเรียน")).toBeVisible();
  await expect(page.getByLabel("รายละเอียดเรื่องที่ร้องเรียน")).toHaveAttribute("aria-invalid", "true");
  await axe(page);
  await page.getByLabel("การเรียกรับสินบน").check();
  await page.getByLabel("รายละเอียดเรื่องที่ร้องเรียน").fill("เจ้าหน้าที่เรียกเงินห้าร้อยบาทเพื่อรับคำขออนุญาตก่อสร้าง");
  await page.getByRole("button", { name: "ถัดไป" }).click();

  // Step 2 keeps step 1 in the form; back shows it again.
  await page.getByLabel(/สถานที่เกิดเหตุ/).fill("ห้องงานโยธา");
  await page.getByRole("button", { name: "ย้อนกลับ" }).click();
  await expect(page.getByLabel("รายละเอียดเรื่องที่ร้องเรียน")).toHaveValue(/ห้าร้อยบาท/);
  await page.getByRole("button", { name: "ถัดไป" }).click();
  await page.getByLabel(/สถานที่เกิดเหตุ/).fill("ห้องงานโยธา");
  await page.getByRole("button", { name: "ถัดไป" }).click();

  // Step 3: evidence. A file that is not what its name says is refused next to the field.
  const fileInput = page.getByLabel("แนบไฟล์หลักฐาน — ไม่บังคับ");
  await fileInput.setInputFiles({
    name: "ใบเสร็จ.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("this is plain text, not a PDF"),
  });
  await page.getByRole("button", { name: "แนบไฟล์ที่เลือก" }).click();
  await expect(page.locator("#files-error")).toContainText("รับเฉพาะไฟล์ PDF, JPEG, PNG");
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("ยังไม่ได้แนบไฟล์")).toBeVisible();
  await axe(page);
  await page.getByLabel("แนบไฟล์หลักฐาน — ไม่บังคับ").setInputFiles({
    name: "ใบเสร็จค่าธรรมเนียม.pdf",
    mimeType: "application/pdf",
    buffer: await evidencePdf(),
  });
  await page.getByRole("button", { name: "แนบไฟล์ที่เลือก" }).click();
  await expect(page.getByTestId("evidence-files")).toContainText("ใบเสร็จค่าธรรมเนียม.pdf");
  await axe(page);
  // The file stays with the form across steps (kept sealed on the server, not in the page).
  await page.getByRole("button", { name: "ย้อนกลับ" }).click();
  await page.getByRole("button", { name: "ถัดไป" }).click();
  await expect(page.getByTestId("evidence-files")).toContainText("ใบเสร็จค่าธรรมเนียม.pdf");
  await page.getByRole("button", { name: "ถัดไป" }).click();

  // Step 4: anonymous by default, with the plain statement of who sees what.
  await expect(page.getByLabel("ไม่เปิดเผยชื่อ (แนะนำ)")).toBeChecked();
  await expect(page.getByRole("heading", { name: "ใครเห็นข้อมูลของท่าน" })).toBeVisible();
  await axe(page);
  await page.getByRole("button", { name: "ถัดไป" }).click();

  // Step 5: review, then send. The proof of work (ADR 0024): with JavaScript the page
  // solves it before sending; without, the server asks for a short wait (3 s in tests)
  // and the same page is sent again.
  await expect(page.getByText("ห้องงานโยธา")).toBeVisible();
  await expect(page.getByTestId("evidence-files")).toContainText("ใบเสร็จค่าธรรมเนียม.pdf");
  // With JavaScript, the portal's own script (allowed by the CSP) has solved it: on a
  // machine busy with other suites that can take longer than 5 s.
  await expect(
    page.getByText(scripted ? "ยืนยันแล้ว กดส่งเรื่องได้" : /^เพื่อป้องกันการส่งโดยอัตโนมัติ/),
  ).toBeVisible({ timeout: 20_000 });
  let headers: Record<string, string>;
  for (let attempt = 0; ; attempt++) {
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "ส่งเรื่องร้องเรียน" }).click();
    headers = (await response).headers();
    if (await page.getByTestId("receipt-code").isVisible()) break;
    expect(scripted).toBe(false);
    expect(attempt).toBeLessThan(5);
    await expect(page.locator("#proof-error")).toContainText("โปรดรอสักครู่แล้วกดส่งเรื่องอีกครั้ง");
    await page.waitForTimeout(1_500);
  }
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
  const code = (await page.getByTestId("receipt-code").textContent())!.trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
  await expect(page.getByTestId("receipt-reference")).toHaveText(/^\d{4}\/\d{4}$/);
  await expect(page.getByText("ไม่สามารถแจ้งรหัสซ้ำหรือกู้คืนได้")).toBeVisible();
  await axe(page);

  // The receipt as a PDF (issue #11): posted, never in a URL, never cached.
  const pdfResponse = page.waitForResponse((r) => r.url().endsWith("/complaints/receipt.pdf"));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "ดาวน์โหลด PDF" }).click();
  const receiptPdf = await pdfResponse;
  expect(receiptPdf.request().method()).toBe("POST");
  expect(receiptPdf.url()).not.toContain(code);
  expect(receiptPdf.headers()["content-type"]).toBe("application/pdf");
  expect(receiptPdf.headers()["cache-control"]).toBe("no-store");
  expect(receiptPdf.headers()["referrer-policy"]).toBe("no-referrer");
  expect(receiptPdf.headers()["content-disposition"]).toMatch(
    /^attachment; filename="receipt-\d{4}-\d{4}\.pdf"$/,
  );
  const saved = await (await download).path();
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe("%PDF-");
  await expect(page.getByTestId("receipt-code")).toHaveText(code); // still on the receipt

  // Printed, the receipt is one A4 page: the code and reference without the menus and forms.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("receipt-code")).toBeVisible();
  await expect(page.getByTestId("receipt-reference")).toBeVisible();
  await expect(page.getByRole("button", { name: "ดาวน์โหลด PDF" })).toBeHidden();
  await expect(page.locator("header.site nav")).toBeHidden();
  const printed = await PDFDocument.load(await page.pdf({ format: "A4" }));
  expect(printed.getPageCount()).toBe(1);
  await page.emulateMedia({ media: "screen" });

  // Tracking: a wrong code gets the generic answer; the right one shows the case.
  await page.getByRole("link", { name: "ติดตามเรื่องร้องเรียน" }).click();
  await expect(page).toHaveURL(/\/complaints\/track$/);
  await page.getByLabel("รหัสติดตามเรื่อง").fill("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  await page.getByRole("button", { name: "ดูสถานะ" }).click();
  await expect(page.getByRole("alert")).toContainText("ไม่พบเรื่องที่ตรงกับรหัสนี้");
  await page.getByLabel("รหัสติดตามเรื่อง").fill(code.toLowerCase());
  await page.getByRole("button", { name: "ดูสถานะ" }).click();
  await expect(page.getByTestId("complaint-state")).toHaveText("ได้รับเรื่องแล้ว");
  await expect(page).toHaveURL(/\/complaints\/track$/); // the code never enters a URL
  await expect(page.getByTestId("evidence-files")).toContainText("ใบเสร็จค่าธรรมเนียม.pdf");
  await axe(page);
  // The complainant downloads their own file (a form post, no JavaScript needed): the
  // file as kept, its metadata removed, and the tracking page stays where it was.
  const own = page.waitForEvent("download");
  await page.getByRole("button", { name: "ดาวน์โหลด ใบเสร็จค่าธรรมเนียม.pdf" }).click();
  const ownFile = await own;
  expect(ownFile.suggestedFilename()).toBe("ใบเสร็จค่าธรรมเนียม.pdf");
  const ownBytes = readFileSync((await ownFile.path())!);
  expect(ownBytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(ownBytes.includes(Buffer.from("Somchai Whistleblower"))).toBe(false);
  await expect(page).toHaveURL(/\/complaints\/track$/);
  await expect(page.getByTestId("complaint-state")).toHaveText("ได้รับเรื่องแล้ว");
  // Sent as an attachment that nothing may keep.
  const fileId = await page.locator('input[name="file"]').first().inputValue();
  const direct = await page.request.post("/complaints/evidence", {
    headers: { "sec-fetch-site": "same-origin" },
    form: { code, file: fileId },
  });
  expect(direct.status()).toBe(200);
  expect(direct.headers()["cache-control"]).toBe("no-store");
  expect(direct.headers()["referrer-policy"]).toBe("no-referrer");
  expect(direct.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(direct.headers()["content-type"]).toBe("application/pdf");
  // A reply with six files is refused whole: no message, no file, the text kept.
  await page.getByLabel("ตอบหรือเพิ่มข้อมูล").fill("เกิดเหตุช่วงบ่ายวันจันทร์");
  const pdf = await evidencePdf();
  await page.getByLabel("แนบไฟล์เพิ่มเติม — ไม่บังคับ").setInputFiles(
    Array.from({ length: 6 }, (_, i) => ({
      name: `หน้า${i + 1}.pdf`,
      mimeType: "application/pdf",
      buffer: pdf,
    })),
  );
  await page.getByRole("button", { name: "ส่งข้อความ" }).click();
  await expect(page.locator("#files-error")).toContainText("แนบไฟล์ได้ไม่เกิน 5 ไฟล์");
  await expect(page.getByLabel("ตอบหรือเพิ่มข้อมูล")).toHaveValue("เกิดเหตุช่วงบ่ายวันจันทร์");
  await axe(page);
  await page.getByLabel("แนบไฟล์เพิ่มเติม — ไม่บังคับ").setInputFiles({
    name: "ภาพถ่ายหน้าห้อง.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await page.getByRole("button", { name: "ส่งข้อความ" }).click();
  await expect(page.getByRole("status")).toHaveText("ส่งข้อความแล้ว");
  await expect(page.getByText("เกิดเหตุช่วงบ่ายวันจันทร์")).toBeVisible();
  await expect(page.getByTestId("evidence-files")).toContainText("ภาพถ่ายหน้าห้อง.pdf");

  // The agency's published statistics count it, as a suppressed small cell.
  await page.goto("/agencies/lamphun");
  await expect(page.getByTestId("complaint-total")).toHaveText("< 5");
  await axe(page);
  // And so does the item page of the year's complaint-statistics item, linked from the
  // complaint block (its code comes from the framework, e.g. "สถิติเรื่องร้องเรียน (O29)").
  const item = page.getByRole("link", { name: /^สถิติเรื่องร้องเรียน \(/ }).first();
  await page.goto((await item.getAttribute("href"))!);
  await expect(page.getByTestId("complaint-stats").getByTestId("complaint-total")).toHaveText(
    "< 5",
  );
  await axe(page);

  // Withdrawing: only with the box ticked (the browser holds the form until it is), then
  // the case is closed, says so, and takes no more messages.
  await page.goto("/complaints/track");
  await page.getByLabel("รหัสติดตามเรื่อง").fill(code);
  await page.getByRole("button", { name: "ดูสถานะ" }).click();
  await page.getByRole("button", { name: "ถอนเรื่องร้องเรียน" }).click();
  await expect(page.getByTestId("complaint-state")).toHaveText("ได้รับเรื่องแล้ว");
  await page.getByLabel("ข้าพเจ้าต้องการถอนเรื่องนี้ (ไม่สามารถย้อนกลับได้)").check();
  await page.getByRole("button", { name: "ถอนเรื่องร้องเรียน" }).click();
  await expect(page.getByRole("status")).toHaveText("ถอนเรื่องแล้ว");
  await expect(page.getByTestId("complaint-state")).toHaveText("ยุติเรื่องแล้ว");
  await expect(page.getByText("เรื่องนี้ยุติแล้ว ไม่สามารถส่งข้อความเพิ่มได้")).toBeVisible();
  await expect(page.getByLabel("ตอบหรือเพิ่มข้อมูล")).toHaveCount(0);
  await expect(page).toHaveURL(/\/complaints\/track$/);
  await axe(page);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("anonymous filing, receipt, tracking and a reply", async ({ page }) => {
    test.setTimeout(90_000);
    await fileAndTrack(page, async () => {}, false);
  });
});

test("the complaint pages are accessible (axe) and make no third-party requests", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // With JavaScript on (the proof of work runs): every request stays on the portal.
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(`${baseURL}/`) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await fileAndTrack(page, expectNoAxeViolations, true);
  expect(foreign).toEqual([]);
});

test("complaint statistics as open data: CSV and JSON with suppressed cells empty/null", async ({
  request,
}) => {
  const csv = await request.get("/open-data/agencies/lamphun/complaints.csv?fy=2568");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^\uFEFF?fiscal_year,breakdown,key,count\r?\n2568,total,,/);
  const json = await (await request.get("/open-data/agencies/lamphun/complaints.json")).json();
  expect(json).toMatchObject({ agency: { slug: "lamphun" }, minPublishedCount: 5 });
  expect((await request.get("/open-data/agencies/no-such-agency/complaints.json")).status()).toBe(
    404,
  );
});

test("the receipt PDF answers only a well-formed post", async ({ request }) => {
  const bad = await request.post("/complaints/receipt.pdf", {
    headers: { "sec-fetch-site": "same-origin" },
    form: { code: "not-a-code", reference: "2568/0001", agency: "x", receivedAt: "x" },
  });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["cache-control"]).toBe("no-store");
  expect(await bad.text()).toContain("ข้อมูลสำหรับสร้างใบรับเรื่องไม่ถูกต้อง");
  expect((await request.get("/complaints/receipt.pdf")).ok()).toBe(false);
});

test("own evidence downloads answer only a post with a right code, never cached", async ({
  request,
}) => {
  const wrong = await request.post("/complaints/evidence", {
    headers: { "sec-fetch-site": "same-origin" },
    form: { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", file: "6f1d7a52-0c5e-4d55-9a3c-2f3f7c1b9e10" },
  });
  expect(wrong.status()).toBe(400);
  expect(wrong.headers()["cache-control"]).toBe("no-store");
  const text = await wrong.text();
  expect(text).toContain("ไม่พบเรื่องที่ตรงกับรหัสนี้");
  expect(text).toContain("Nothing matches this code");
  expect((await request.get("/complaints/evidence")).ok()).toBe(false);
});

test("complaint forms refuse cross-site posts", async ({ request }) => {
  const res = await request.post("/complaints/track", {
    headers: { "sec-fetch-site": "cross-site" },
    form: { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ" },
  });
  expect(res.status()).toBe(403);
});

test("a filled honeypot or a broken post is refused with a translated message, and nothing moves on", async ({
  request,
}) => {
  const url = "/complaints/new/lamphun";
  const headers = { "sec-fetch-site": "same-origin" };
  const step1 = {
    step: "what",
    nav: "next",
    formToken: "h".repeat(43),
    subject: "bribery",
    description: "เจ้าหน้าที่เรียกเงินห้าร้อยบาทเพื่อรับคำขออนุญาตก่อสร้าง",
  };
  const REFUSED = "ไม่สามารถส่งเรื่องได้ โปรดตรวจสอบแบบฟอร์มแล้วลองอีกครั้ง";
  const STEP_2 = /ขั้นตอนที่ 2/;
  // The same step without the honeypot moves on to the second step …
  const person = await request.post(url, { headers, form: step1 });
  expect(person.status()).toBe(200);
  expect(await person.text()).toMatch(STEP_2);
  // … with it filled (a robot fills every field) it is refused and stays where it was.
  const robot = await request.post(url, {
    headers,
    form: { ...step1, website: "https://x.example" },
  });
  expect(robot.status()).toBe(400);
  const robotPage = await robot.text();
  expect(robotPage).toContain(REFUSED);
  expect(robotPage).not.toMatch(STEP_2);
  // A multipart body cut off half-way: refused the same way, nothing kept.
  const boundary = "----ita-broken";
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const cut = (step: string) =>
    Object.entries({ ...step1, step })
      .map(([k, v]) => part(k, v))
      .join("") +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n` +
    "Content-Type: application/pdf\r\n\r\n%PDF-1.7 half a file";
  const multipart = { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` };
  const broken = await request.post(url, { headers: multipart, data: cut("what") });
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain(REFUSED);
  // On the evidence step the reason is told by the file field, and no file was added.
  const brokenUpload = await request.post(url, { headers: multipart, data: cut("evidence") });
  expect(brokenUpload.status()).toBe(400);
  const uploadPage = await brokenUpload.text();
  expect(uploadPage).toContain(
    "การส่งไฟล์ไม่สมบูรณ์ (ข้อมูลเสียระหว่างทาง) โปรดเลือกไฟล์แล้วส่งอีกครั้ง ไม่ได้เพิ่มไฟล์ใด",
  );
  expect(uploadPage).toContain("ยังไม่ได้แนบไฟล์");
  // In English too (the language is remembered from here on).
  const robotEn = await request.post(`${url}?lang=en`, {
    headers,
    form: { ...step1, website: "https://x.example" },
  });
  expect(await robotEn.text()).toContain(
    "The complaint could not be sent. Check the form and try again.",
  );
});
