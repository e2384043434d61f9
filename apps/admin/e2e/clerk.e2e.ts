import { minimalPdf } from "@ita/api/testing/pdf";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test, type Page } from "@playwright/test";
import { axe, signIn, signOut } from "./helpers.ts";

const FY = currentFiscalYear();
const RUN = Date.now().toString(36);
// Last fiscal year's August and September summaries (both in BE year FY - 1).
const AUG = `สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนสิงหาคม พ.ศ. ${FY - 1} (${RUN})`;
const SEP = `สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. ${FY - 1} (${RUN})`;

async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  const base = new URL(page.url()).origin;
  const res = await page.request.post(`${base}/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin: base, "content-type": "application/json" },
  });
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

test.describe.serial("the clerk with a monthly item copies from last year", () => {
  let agencyId = "";

  test("last year's August and September summaries are public (set up over the API)", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    const lamphun = await page.request
      .get(`/api/trpc/agency.bySlug?input=${encodeURIComponent('{"json":{"slug":"lamphun"}}')}`)
      .then(async (r) => (await r.json()) as { result: { data: { json: { id: string } } } });
    agencyId = lamphun.result.data.json.id;
    const ids: string[] = [];
    for (const [title, period] of [
      [AUG, 11],
      [SEP, 12],
    ] as const) {
      const { id } = await mutate<{ id: string }>(page, "entries.create", {
        agencyId,
        fiscalYear: FY - 1,
        itemCode: "O21",
        title,
        period,
        description: `<p>จังหวัดลำพูนเผยแพร่สรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ ${FY - 1}</p>`,
      });
      ids.push(id);
    }
    const base = new URL(page.url()).origin;
    const upload = await page.request.post(`${base}/api/uploads?entryId=${ids[1]}`, {
      data: Buffer.from(minimalPdf("Procurement summary September")),
      headers: { origin: base, "x-file-name": encodeURIComponent("สขร1-กันยายน.pdf") },
    });
    expect(upload.status()).toBe(201);
    for (const entryId of ids) await mutate(page, "entries.submit", { entryId });
    await signOut(page);
    await signIn(page, demoAccount("admin", "approver@example.go.th"));
    for (const entryId of ids) await mutate(page, "entries.approve", { entryId });
  });

  test("the checklist counts months, the item lists them, and September is copied as a draft to check", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    await page.goto(`/admin/agencies/${agencyId}/${FY}`);
    const row = page.locator('tr[data-item="O21"]');
    await expect(row.getByTestId("item-progress")).toContainText("/12 เดือน");
    await expect(row.locator("[data-status]")).not.toHaveAttribute("data-status", "published");
    await axe(page);

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("O21");
    await expect(page.getByTestId("item-periods").locator("tbody tr")).toHaveCount(12);
    await axe(page);

    await page.getByRole("button", { name: `คัดลอกจากปี ${FY - 1}…` }).click();
    const sep = page.getByRole("checkbox", { name: SEP });
    await expect(sep).toBeVisible();
    await expect(page.getByRole("checkbox", { name: AUG })).not.toBeChecked();
    await sep.check();
    // The file is offered for re-use, ticked.
    await expect(page.getByRole("checkbox", { name: /สขร1-กันยายน\.pdf/ })).toBeChecked();
    await expect(page.locator("form.copy")).toContainText(
      `สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. ${FY} (${RUN})`,
    );
    await axe(page);
    await page.getByRole("button", { name: "คัดลอกเป็นฉบับร่าง (1)" }).click();

    // The copy: September of this fiscal year, a draft, to be checked.
    await expect(page.getByTestId("copy-notice")).toContainText("โปรดตรวจสอบ");
    await expect(page.getByLabel("ชื่อเรื่อง")).toHaveValue(
      `สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนกันยายน พ.ศ. ${FY} (${RUN})`,
    );
    const description = await page.getByLabel("รายละเอียด").inputValue();
    expect(description).not.toContain("<p>");
    expect(description).toContain(`ปีงบประมาณ ${FY}`);
    await expect(page.getByLabel("เดือนที่รายงาน")).toHaveValue("12");
    await expect(page.getByTestId("attachments")).toContainText("สขร1-กันยายน.pdf");
    await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "draft");
    const history = page.locator(".history li").filter({ hasText: "คัดลอกจากปีก่อน" });
    await expect(history).toContainText(`“${SEP}”`);
    await expect(history).not.toContainText("คัดลอกจากปีงบประมาณ");
    await axe(page);

    // Checked and saved: the reminder goes.
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await expect(page.getByText("บันทึกแล้ว")).toBeVisible();
    await expect(page.getByTestId("copy-notice")).toHaveCount(0);
    await axe(page);
  });

  test("the public item page says plainly which entry has no document", async ({ page }) => {
    await page.goto(`/agencies/lamphun/${FY - 1}/O21`);
    await expect(page.locator("article", { hasText: AUG }).getByTestId("no-document")).toHaveText(
      "รายการนี้ไม่มีเอกสารแนบและไม่มีลิงก์",
    );
    await expect(page.locator("article", { hasText: SEP }).getByTestId("no-document")).toHaveCount(
      0,
    );
  });
});
