import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("home lists agencies by province and district in Thai, with no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ศูนย์ข้อมูลความโปร่งใสหน่วยงานภาครัฐ");
  await expect(page.getByRole("heading", { name: /จังหวัดลำพูน/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "องค์การบริหารส่วนตำบลเหล่ายาว" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations).toEqual([]);
});

test("an agency page shows the seven categories and the completeness figure", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "องค์การบริหารส่วนจังหวัดลพบุรี" }).click();
  await expect(page).toHaveURL(/\/agencies\/lopburi-pao$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("องค์การบริหารส่วนจังหวัดลพบุรี");
  await expect(page.getByRole("heading", { level: 2, name: /^1\. ข้อมูลพื้นฐาน/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^7\./ })).toBeVisible();
  await expect(page.getByTestId("completeness")).toContainText(/เผยแพร่แล้ว \d+ จาก 43 ข้อ/);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations).toEqual([]);
});

test("an unknown agency answers a Thai 404 page", async ({ page }) => {
  const response = await page.goto("/agencies/no-such-agency");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ไม่พบหน้าที่คุณต้องการ");
});

test("the portal makes no third-party requests", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://localhost:4411/") && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.goto("/agencies/lamphun");
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
});
