import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn, signOut } from "./helpers.ts";

// Lamphun's demo measures are of 2568 (seed `lamphun-2568-…`), analysing its 2567 result.
const FY = 2568;
const FILE = `มาตรการส่งเสริมคุณธรรมและความโปร่งใส-${FY}.pdf`;

test.describe
  .serial("the year's measures: recorded, made into a draft, published by an approver", () => {
  let entryUrl = "";

  test("an editor records a weak point and its measure, reports progress and makes the draft", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    await page.getByRole("link", { name: "รายการที่ต้องเผยแพร่" }).first().click();
    await page.getByRole("link", { name: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", exact: true }).click();
    await expect(page).toHaveURL(/\/measures\/\d{4}$/);
    await page.goto(page.url().replace(/\/\d{4}$/, `/${FY}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`ปีงบประมาณ พ.ศ. ${FY}`);
    // The demo's three weak points from the seed, and last year's result.
    await expect(page.getByRole("heading", { name: /ประเด็นที่ 3: ข้อ I15/ })).toBeVisible();
    await expect(page.getByText("ผ่านดี")).toBeVisible();
    await axe(page);

    await page.getByRole("button", { name: "เพิ่มประเด็นและมาตรการ" }).click();
    // Server validation shows next to each field, in Thai.
    await page.getByRole("button", { name: "บันทึกประเด็นและมาตรการ" }).click();
    await expect(page.locator("#new-finding-error")).toHaveText("กรุณากรอกผลการวิเคราะห์");
    await expect(page.locator("#new-code-error")).toContainText("I10 หรือ E4");
    await axe(page);

    await page.locator("#new-code").fill("E4");
    await page.getByLabel("คะแนนที่ได้").fill("92.05");
    await page
      .getByLabel("ผลการวิเคราะห์")
      .fill("ผู้รับบริการบางรายเห็นว่าช่องทางการเผยแพร่ข้อมูลของหน่วยงานเข้าถึงได้ยาก");
    await page.getByLabel("ชื่อมาตรการ/โครงการ/กิจกรรม").fill("โครงการประชาสัมพันธ์ข้อมูลข่าวสารภาครัฐ");
    await page.getByLabel("ขั้นตอนที่ 1").fill("ปรับปรุงข้อมูลพื้นฐานในเว็บไซต์ให้ครบถ้วนและเป็นปัจจุบัน");
    await page.getByRole("button", { name: "เพิ่มขั้นตอน" }).click();
    await page.getByLabel("ขั้นตอนที่ 2").fill("ประชาสัมพันธ์ผ่านช่องทางที่หลากหลาย");
    await page.getByLabel("ผู้รับผิดชอบ").fill("กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด");
    await page
      .getByLabel("การกำกับติดตามและการรายงานผล")
      .fill("รายงานผลในการประชุมหัวหน้าส่วนราชการทุกไตรมาส");
    await page.getByRole("button", { name: "บันทึกประเด็นและมาตรการ" }).click();
    const added = page.getByRole("article", { name: /ประเด็นที่ 4: ข้อ E4/ });
    await expect(added).toBeVisible();
    await expect(added).toContainText("1 ตุลาคม 2567 – 30 กันยายน 2568");

    await page.locator("#progress-4-text").fill("ปรับปรุงหน้าข้อมูลพื้นฐานของเว็บไซต์แล้ว");
    await added.getByRole("button", { name: "บันทึกความก้าวหน้า" }).click();
    await expect(added).toContainText("ปรับปรุงหน้าข้อมูลพื้นฐานของเว็บไซต์แล้ว");
    await axe(page);

    // The printable page: the same Thai document as the PDF.
    await page.getByRole("link", { name: "ฉบับพิมพ์" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ของ",
    );
    await expect(page.getByRole("heading", { name: "ประเด็นที่ ๔ ข้อ E4" })).toBeVisible();
    // Part 2 is the seeds' five-column table; the measure's period is a cell of its row.
    await expect(page.getByRole("columnheader")).toHaveText([
      "มาตรการ/แนวทาง",
      "วิธีดำเนินการ",
      "ผู้รับผิดชอบ",
      "ระยะเวลาดำเนินการ",
      "การติดตาม/การรายงานผล",
    ]);
    await expect(page.getByRole("cell", { name: /๑ ตุลาคม ๒๕๖๗ –/ }).first()).toBeVisible();
    await axe(page);
    await page.getByRole("link", { name: /มาตรการของปีนี้/ }).click();

    await page
      .getByRole("button", { name: "จัดทำฉบับร่าง: มาตรการส่งเสริมคุณธรรมและความโปร่งใส" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "จัดทำฉบับร่างแล้ว" })).toBeVisible();
    await page.getByRole("link", { name: "เปิดรายการเพื่อส่งขออนุมัติ" }).click();
    await expect(page.getByTestId("attachments")).toContainText(FILE);
    entryUrl = page.url();
    await page.getByRole("button", { name: "ส่งขออนุมัติ" }).click();
    await expect(page.getByRole("status")).toHaveText("ส่งขออนุมัติแล้ว");
    await signOut(page);
  });

  test("an approver publishes it and the portal's item page offers the PDF", async ({ page }) => {
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
    await page.goto(entryUrl);
    await page.getByRole("button", { name: "อนุมัติและเผยแพร่" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "ยืนยัน เผยแพร่ทันที" }).click();
    await expect(page.getByRole("status")).toHaveText("อนุมัติและเผยแพร่แล้ว");
    await page.getByTestId("public-link").click();
    await expect(page).toHaveURL(new RegExp(`/agencies/lamphun/${FY}/`));
    const link = page.getByRole("link", { name: FILE });
    await expect(link).toBeVisible();
    const res = await page.request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/pdf");
    expect(
      Buffer.from(await res.body())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});
