import AxeBuilder from "@axe-core/playwright";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, trpcMutation, trpcQuery } from "./helpers.ts";
import { minimalPdf } from "./pdf.ts";

const FY = currentFiscalYear();
const ITEM = "O10";
const TITLE = `นโยบายคุ้มครองข้อมูลส่วนบุคคล (ทดสอบ ${Date.now().toString(36)})`;
const FILE = "pdpa-policy.pdf";

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe.serial("draft → approve → publish, roles and agencies", () => {
  let entryUrl = "";

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

    await page.locator("#entry-files").setInputFiles({ name: FILE, mimeType: "application/pdf", buffer: Buffer.from(minimalPdf("Personal data protection policy")) });
    await expect(page.getByRole("progressbar", { name: new RegExp(FILE) })).toBeVisible();
    await expect(page.getByTestId("attachments")).toContainText(FILE);
    await expect(page.getByTestId("attachments")).toContainText("ค้นหาข้อความในไฟล์ได้");
    // A renamed non-document is refused with the reason.
    await page.locator("#entry-files").setInputFiles({ name: "virus.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\u0090\u0000not really a pdf") });
    await expect(page.getByRole("alert").filter({ hasText: "ไม่รองรับ" })).toBeVisible();
    await axe(page);

    await page.getByRole("button", { name: "ส่งขออนุมัติ" }).click();
    await expect(page.getByRole("status")).toHaveText("ส่งขออนุมัติแล้ว");
    await expect(page.locator('[data-status="submitted"]')).toBeVisible();
    await signOut(page);
  });

  test("an approver signs in with TOTP, sees it waiting and publishes it; it appears on the public permalink", async ({ page }) => {
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
    await expect(page.getByTestId("notification-count")).not.toHaveText("0");
    await page.getByRole("link", { name: /งานที่รอฉัน/ }).click();
    await page.getByRole("link", { name: new RegExp(TITLE.slice(0, 20)) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await axe(page);
    await page.getByRole("button", { name: "อนุมัติและเผยแพร่" }).click();
    await expect(page.getByRole("status")).toHaveText("อนุมัติและเผยแพร่แล้ว");
    await expect(page.locator('[data-status="published"]')).toBeVisible();
    await page.getByTestId("public-link").click();
    await expect(page).toHaveURL(new RegExp(`/agencies/lamphun/${FY}/${ITEM}$`));
    await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(page.getByRole("link", { name: FILE })).toBeVisible();
    // Signing in again asks for a fresh code from the app, not a new enrolment.
    await page.goto("/admin/");
    await signOut(page);
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
  });

  test("an approver cannot approve an entry they wrote (four-eyes), in the UI or over the API", async ({ page }) => {
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

  test("an editor of agency A cannot touch agency B, through the UI or direct API calls", async ({ page }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    const other = await trpcQuery<{ id: string }>(page, "agency.bySlug", { slug: "lopburi-pao" });
    await page.goto(`/admin/agencies/${other.id}/${FY}`);
    await expect(page.getByRole("alert")).toContainText("คุณไม่มีสิทธิ์ทำรายการนี้");
    await expect(page.locator("tr[data-item]")).toHaveCount(0);

    const create = await trpcMutation(page, "entries.create", { agencyId: other.id, fiscalYear: FY, itemCode: "O1", title: "ไม่ควรสร้างได้" });
    expect(create.status).toBe(403);
    const profile = await trpcMutation(page, "agencyAdmin.updateProfile", { agencyId: other.id, nameTh: "เปลี่ยนชื่อ" });
    expect(profile.status).toBe(403);
    const base = new URL(page.url()).origin;
    const upload = await page.request.post(`${base}/api/uploads?agencyId=${other.id}&fiscalYear=${FY}&itemCode=O21`, {
      data: Buffer.from(minimalPdf("x")),
      headers: { origin: base, "x-file-name": "x.pdf" },
    });
    expect(upload.status()).toBe(403);
    // And the published entry of agency A cannot be withdrawn by an editor.
    const mine = await trpcQuery<{ id: string; title: string }[]>(page, "entries.list", { agencyId: (await trpcQuery<{ id: string }>(page, "agency.bySlug", { slug: "lamphun" })).id, fiscalYear: FY, itemCode: ITEM });
    const published = mine.find((e) => e.title === TITLE)!;
    const unpublish = await trpcMutation(page, "entries.unpublish", { entryId: published.id, reason: "x" });
    expect(unpublish.status).toBe(403);
    expect(entryUrl).toContain("/admin/entries/");
  });
});
