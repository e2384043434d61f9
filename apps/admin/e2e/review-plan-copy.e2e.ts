import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn } from "./helpers.ts";

const NEXT = currentFiscalYear() + 1;

test("the coordinator copies this year's plan into next year: rounds a year on, with a report", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAccount("admin", "coordinator@example.go.th"));
  await page.goto(`/admin/oversight/plan?fy=${NEXT}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(String(NEXT));
  await expect(page.getByText("ยังไม่มีรอบการตรวจในปีนี้")).toBeVisible();
  await axe(page);

  await page.getByRole("button", { name: `คัดลอกแผนของปีงบประมาณ ${NEXT - 1}` }).click();
  await expect(page.getByTestId("copy-report")).toContainText(
    `คัดลอกแผนของปีงบประมาณ ${NEXT - 1} แล้ว`,
  );
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(3);
  // Each deadline falls in the new fiscal year (October BE NEXT-1 to September BE NEXT).
  for (const text of await rows.locator("td:nth-child(3)").allTextContents())
    expect(text).toMatch(new RegExp(`${NEXT - 1}|${NEXT}`));
  await axe(page);
});
