import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn, trpcQuery } from "./helpers.ts";

const NEW_TITLE = "ข้อมูลเชิงสถิติการให้บริการ (ปรับปรุงเกณฑ์ 2567)";
const GUIDANCE = "แสดงสถิติการให้บริการของปีที่ผ่านมา จำแนกตามประเภทงานบริการ";

test("a system administrator creates the 2567 framework by copying 2566 and editing an item; an agency's 2567 checklist shows the new title", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAccount("admin", "admin@example.go.th"));
  await page.getByRole("link", { name: "เกณฑ์การประเมิน" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("เกณฑ์การประเมิน");
  const row2566 = page.locator('tr[data-framework="ita-2566"]');
  await expect(row2566).toContainText("43");
  await axe(page);

  await row2566.getByRole("button", { name: /คัดลอกเป็นปีถัดไป/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2567");
  await expect(page.getByText("ita-2567")).toBeVisible();
  const items = page.getByTestId("framework-items");
  await expect(items.locator("tr[data-item]")).toHaveCount(43);
  await axe(page);

  await items.locator('tr[data-item="O16"]').getByRole("button", { name: /แก้ไข/ }).click();
  await expect(page.getByRole("heading", { name: "แก้ไขข้อ O16" })).toBeVisible();
  await page.getByLabel("ชื่อข้อ (ไทย)").fill(NEW_TITLE);
  await page.getByLabel("สิ่งที่ต้องแสดง (ไทย)").fill(GUIDANCE);
  await axe(page);
  await page.getByRole("button", { name: "บันทึกข้อ", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("บันทึกแล้ว");
  await expect(items.locator('tr[data-item="O16"]')).toContainText(NEW_TITLE);

  // An agency's 2567 checklist now follows the 2567 framework.
  const agencies = await trpcQuery<{ id: string }[]>(page, "agencyAdmin.mine", undefined);
  await page.goto(`/admin/agencies/${agencies[0]!.id}/2567`);
  const o16 = page.locator('tr[data-item="O16"]');
  await expect(o16).toContainText(NEW_TITLE);
  // The clerk sees what must be shown, folded in the row and open on the item's page.
  await o16.getByText("สิ่งที่ต้องแสดง").click();
  await expect(o16.getByTestId("item-guidance")).toContainText(GUIDANCE);
  await axe(page);
  await o16.getByRole("link", { name: NEW_TITLE }).click();
  await expect(page.getByTestId("item-guidance")).toContainText(GUIDANCE);
  await page.goto(`/admin/agencies/${agencies[0]!.id}/2566`);
  await expect(page.locator('tr[data-item="O16"]')).toContainText("ข้อมูลเชิงสถิติการให้บริการ");
  await expect(page.locator('tr[data-item="O16"]')).not.toContainText("ปรับปรุงเกณฑ์");
});
