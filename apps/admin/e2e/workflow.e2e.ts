import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn, signOut, trpcMutation, trpcQuery } from "./helpers.ts";
import { minimalPdf } from "@ita/api/testing/pdf";
import { thaiAnnouncementPdf } from "@ita/api/testing/thai-pdf";

const FY = currentFiscalYear();
// Not O10: the oversight spec (run before this one) publishes O10 for Lamphun this year.
const ITEM = "O17";
const TITLE = `นโยบายคุ้มครองข้อมูลส่วนบุคคล (ทดสอบ ${Date.now().toString(36)})`;
const FILE = "pdpa-policy.pdf";

/** Words of the Thai announcement (printed by Chromium in Sarabun) that search must find in the file. */
const WORDS_IN_FILE = ["ไฟป่า", "จัดซื้อจัดจ้าง", "เจตจำนง", "ประพฤติมิชอบ"];

test.describe.serial("draft → approve → publish, roles and agencies", () => {
  let entryUrl = "";
  let announcement: Uint8Array;

  test.beforeAll(async () => {
    announcement = await thaiAnnouncementPdf();
  });

  test("an editor drafts an entry with a PDF and submits it", async ({ page }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    await axe(page);
    await page.getByRole("link", { name: "รายการที่ต้องเผยแพร่" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`ปีงบประมาณ ${FY}`);
    await expect(page.locator(`tr[data-item="${ITEM}"]`)).toBeVisible();
    await axe(page);
    await page.getByLabel("แสดงเฉพาะรายการที่ยังต้องดำเนินการ").check();
    await page.locator(`tr[data-item="${ITEM}"] a`).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(ITEM);

    // Server validation shows next to the field.
    await page.getByRole("button", { name: "สร้างฉบับร่าง" }).click();
    await expect(page.locator("#new-title-error")).toHaveText("กรุณากรอกชื่อเรื่อง");
    await page.getByLabel("ชื่อเรื่อง").fill(TITLE);
    await page.getByLabel("รายละเอียด (ไม่บังคับ)").fill("หน่วยงานเผยแพร่**นโยบาย**คุ้มครองข้อมูลส่วนบุคคล");
    await page.getByRole("button", { name: "สร้างฉบับร่าง" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    entryUrl = page.url();

    // An ordinary Thai PDF (its pdf.js text has NULs for tone marks: it used to fail with a 500).
    await page.locator("#entry-files").setInputFiles({
      name: FILE,
      mimeType: "application/pdf",
      buffer: Buffer.from(announcement),
    });
    await expect(page.getByRole("progressbar", { name: new RegExp(FILE) })).toBeVisible();
    await expect(page.getByTestId("attachments")).toContainText(FILE);
    await expect(page.getByTestId("attachments")).toContainText("ค้นหาข้อความในไฟล์ได้");
    // A renamed non-document is refused with the reason.
    await page.locator("#entry-files").setInputFiles({
      name: "virus.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("MZ\u0090\u0000not really a pdf"),
    });
    await expect(page.getByRole("alert").filter({ hasText: "ไม่รองรับ" })).toBeVisible();
    await axe(page);

    await page.getByRole("button", { name: "ส่งขออนุมัติ" }).click();
    await expect(page.getByRole("status")).toHaveText("ส่งขออนุมัติแล้ว");
    await expect(page.locator('[data-status="submitted"]')).toBeVisible();
    // Waiting for approval: nothing can be changed, but the author may take it back.
    await expect(page.getByLabel("ชื่อเรื่อง")).toHaveCount(0);
    await expect(page.locator("#entry-files")).toHaveCount(0);
    await axe(page);

    // Taking it back (before review) asks first, then makes it a draft that can be edited again.
    await page.getByRole("button", { name: "ถอนกลับไปแก้ไข" }).click();
    const confirmWithdraw = page.getByRole("dialog", { name: "ถอนกลับไปแก้ไขหรือไม่" });
    await expect(confirmWithdraw).toContainText("ออกจากรายการรออนุมัติ");
    await axe(page);
    await confirmWithdraw.getByRole("button", { name: "ยืนยัน ถอนกลับไปแก้ไข" }).click();
    await expect(page.getByRole("status")).toHaveText("ถอนกลับแล้ว รายการนี้เป็นฉบับร่างอีกครั้ง");
    await expect(page.locator('[data-status="draft"]').first()).toBeVisible();
    await expect(page.getByRole("button", { name: "ถอนกลับไปแก้ไข" })).toHaveCount(0);
    await expect(page.locator("#entry-files")).toBeVisible();
    await expect(page.getByRole("button", { name: `ลบไฟล์ ${FILE}` })).toBeVisible();
    await page
      .getByLabel("รายละเอียด")
      .fill("หน่วยงานเผยแพร่**นโยบาย**คุ้มครองข้อมูลส่วนบุคคล ฉบับปรับปรุงก่อนส่ง");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await expect(page.getByText("บันทึกแล้ว")).toBeVisible();
    await expect(page.locator(".history li").filter({ hasText: "ถอนกลับไปแก้ไข" })).toHaveCount(1);
    await axe(page);

    // And submitted again: after a reload it still waits for approval, with the withdrawal in its history.
    await page.getByRole("button", { name: "ส่งขออนุมัติ" }).click();
    await expect(page.getByRole("status")).toHaveText("ส่งขออนุมัติแล้ว");
    await page.reload();
    await expect(page.locator('[data-status="submitted"]')).toBeVisible();
    await expect(page.getByRole("button", { name: "ถอนกลับไปแก้ไข" })).toBeVisible();
    await signOut(page);
  });

  test("an approver signs in with TOTP, sees it waiting and publishes it; it appears on the public permalink", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
    await expect(page.getByTestId("notification-count")).not.toHaveText("0");
    await page.getByRole("link", { name: /งานที่รอฉัน/ }).click();
    await page.getByRole("link", { name: new RegExp(TITLE.slice(0, 20)) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await axe(page);
    await page.getByRole("button", { name: "อนุมัติและเผยแพร่" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "ยืนยัน เผยแพร่ทันที" }).click();
    await expect(page.getByRole("status")).toHaveText("อนุมัติและเผยแพร่แล้ว");
    await expect(page.locator('[data-status="published"]')).toBeVisible();
    await page.getByTestId("public-link").click();
    await expect(page).toHaveURL(new RegExp(`/agencies/lamphun/${FY}/${ITEM}$`));
    await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(page.getByRole("link", { name: FILE })).toBeVisible();
    // Public search finds the words inside the file (none is in the title) and says so.
    for (const word of WORDS_IN_FILE) {
      await page.goto(`/search?q=${encodeURIComponent(word)}&agency=lamphun&item=${ITEM}&fy=${FY}`);
      const result = page.getByRole("listitem").filter({ hasText: TITLE });
      await expect(result.getByTestId("found-in-file")).toContainText(FILE);
      await expect(result.locator(".snippet")).toContainText(word);
    }
    // Signing in again asks for a fresh code from the app, not a new enrolment.
    await page.goto("/admin/");
    await signOut(page);
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
  });

  test("an approver cannot approve an entry they wrote (four-eyes), in the UI or over the API", async ({
    page,
  }) => {
    // The system administrator holds every role, approver included.
    await signIn(page, demoAccount("admin", "admin@example.go.th"));
    await page.getByLabel("ค้นหาหน่วยงาน").fill("lamphun");
    await page.getByRole("button", { name: "ค้นหา" }).click();
    await page.getByRole("link", { name: "รายการที่ต้องเผยแพร่" }).first().click();
    await page.locator('tr[data-item="O8"] a').click();
    await page.getByLabel("ชื่อเรื่อง").fill("ช่องทางถาม-ตอบ (ผู้ดูแลระบบเขียนเอง)");
    await page.getByRole("button", { name: "สร้างฉบับร่าง" }).click();
    await page.getByRole("button", { name: "ส่งขออนุมัติ" }).click();
    await expect(page.getByTestId("four-eyes")).toBeVisible();
    await expect(page.getByRole("button", { name: "อนุมัติและเผยแพร่" })).toHaveCount(0);
    const entryId = page.url().split("/").pop()!;
    const direct = await trpcMutation(page, "entries.approve", { entryId });
    expect(direct.status).toBe(403);
    expect(direct.body.error?.json?.data?.domainCode).toBe("FOUR_EYES");
  });

  test("an editor of agency A cannot touch agency B, through the UI or direct API calls", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    const other = await trpcQuery<{ id: string }>(page, "agency.bySlug", { slug: "lopburi-pao" });
    await page.goto(`/admin/agencies/${other.id}/${FY}`);
    await expect(page.getByRole("alert")).toContainText("คุณไม่มีสิทธิ์ทำรายการนี้");
    await expect(page.locator("tr[data-item]")).toHaveCount(0);

    const create = await trpcMutation(page, "entries.create", {
      agencyId: other.id,
      fiscalYear: FY,
      itemCode: "O1",
      title: "ไม่ควรสร้างได้",
    });
    expect(create.status).toBe(403);
    const profile = await trpcMutation(page, "agencyAdmin.updateProfile", {
      agencyId: other.id,
      nameTh: "เปลี่ยนชื่อ",
    });
    expect(profile.status).toBe(403);
    const base = new URL(page.url()).origin;
    const upload = await page.request.post(
      `${base}/api/uploads?agencyId=${other.id}&fiscalYear=${FY}&itemCode=O21`,
      {
        data: Buffer.from(minimalPdf("x")),
        headers: { origin: base, "x-file-name": "x.pdf" },
      },
    );
    expect(upload.status()).toBe(403);
    // And the published entry of agency A cannot be withdrawn by an editor.
    const mine = await trpcQuery<{ id: string; title: string }[]>(page, "entries.list", {
      agencyId: (await trpcQuery<{ id: string }>(page, "agency.bySlug", { slug: "lamphun" })).id,
      fiscalYear: FY,
      itemCode: ITEM,
    });
    const published = mine.find((e) => e.title === TITLE)!;
    const unpublish = await trpcMutation(page, "entries.unpublish", {
      entryId: published.id,
      reason: "x",
    });
    expect(unpublish.status).toBe(403);
    expect(entryUrl).toContain("/admin/entries/");
  });

  test("an approver unpublishes with a reason; the public permalink shows the withdrawal", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
    await page.goto(entryUrl);
    await page.getByRole("button", { name: "ยกเลิกการเผยแพร่" }).click();
    await expect(page.getByRole("alert")).toContainText("กรุณาระบุเหตุผล");
    await page.getByLabel(/เหตุผลที่ยกเลิกการเผยแพร่/).fill("เอกสารฉบับนี้ถูกแทนที่ด้วยฉบับปรับปรุง");
    await page.getByRole("button", { name: "ยกเลิกการเผยแพร่" }).click();
    await expect(page.locator('[data-status="withdrawn"]')).toBeVisible();
    await page.goto(`/agencies/lamphun/${FY}/${ITEM}`);
    await expect(page.getByTestId("withdrawn")).toContainText("เอกสารฉบับนี้ถูกแทนที่ด้วยฉบับปรับปรุง");
  });

  test("a province coordinator reads an agency's checklist but cannot change it", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "coordinator@example.go.th"));
    await page.getByRole("link", { name: "รายการที่ต้องเผยแพร่" }).first().click();
    await expect(page.getByText("อ่านอย่างเดียว")).toBeVisible();
    await page.locator(`tr[data-item="${ITEM}"] a`).click();
    await expect(page.getByRole("button", { name: "สร้างฉบับร่าง" })).toHaveCount(0);
    const lamphun = await trpcQuery<{ id: string }>(page, "agency.bySlug", { slug: "lamphun" });
    expect(
      (
        await trpcMutation(page, "entries.create", {
          agencyId: lamphun.id,
          fiscalYear: FY,
          itemCode: "O1",
          title: "x",
        })
      ).status,
    ).toBe(403);
  });

  test("on a tablet, in English: the system admin edits the agency profile (errors by the field), invites a clerk and reads the audit log", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await signIn(page, demoAccount("admin", "admin@example.go.th"));
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Find an agency").fill("lamphun");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Agency profile" }).first().click();
    await page.getByLabel("Website").fill("not a web address");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#p-website-error")).toContainText("http");
    await page.getByLabel("Website").fill("https://www.lamphun.go.th");
    await page.getByLabel("Phone").fill("053-511-000");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved");
    await axe(page);

    await page.goto("/admin/");
    await page.getByLabel("Find an agency").fill("lamphun");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Users" }).first().click();
    await page.getByLabel("E-mail").fill("new.clerk@example.go.th");
    await page.getByLabel("Full name").fill("เจ้าหน้าที่ใหม่");
    await page.getByRole("button", { name: "Send invitation" }).click();
    const link = (await page.getByTestId("one-time-link").textContent())!;
    expect(link).toMatch(/\/admin\/set-password\?token=[a-z2-7]{32}$/);
    await axe(page);

    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Action (starts with)").fill("agency.");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(
      page.locator("td code").filter({ hasText: "agency.profile_updated" }).first(),
    ).toBeVisible();
    await expect(page.locator("body")).not.toContainText(
      demoAccount("admin", "admin@example.go.th").password,
    );
    await axe(page);

    // The invited clerk sets a password from the link (a weak one is refused by the field) and signs in.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.goto(link);
    await page.getByLabel("New password (at least 12 characters)").fill("password1234");
    await page.getByLabel("Confirm the new password").fill("password1234");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.locator("#sp-password-error")).toBeVisible();
    await page.getByLabel("New password (at least 12 characters)").fill("ดอยสุเทพยามเช้าสวยมาก");
    await page.getByLabel("Confirm the new password").fill("ดอยสุเทพยามเช้าสวยมาก");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password is set");
    await page.getByRole("button", { name: "ภาษาไทย" }).click();
    await signIn(page, { email: "new.clerk@example.go.th", password: "ดอยสุเทพยามเช้าสวยมาก" });
  });
});
