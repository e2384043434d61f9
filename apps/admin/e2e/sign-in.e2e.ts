import AxeBuilder from "@axe-core/playwright";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";

test("a staff member signs in with the generated demo password and signs out", async ({ page }) => {
  const editor = demoAccount("admin", "editor@example.go.th");
  await page.goto("/admin/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("เข้าสู่ระบบสำหรับเจ้าหน้าที่");
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations).toEqual([]);

  await page.getByLabel("อีเมล").fill(editor.email);
  await page.getByLabel("รหัสผ่าน").fill("not-the-password");
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  await page.getByLabel("รหัสผ่าน").fill(editor.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(editor.email);
  // The home page arrives with its data: not the refusal it had while signed out.
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "รายการที่ต้องเผยแพร่" }).first()).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "ita_session")?.httpOnly).toBe(true);

  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toContainText(editor.email);
  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("เข้าสู่ระบบสำหรับเจ้าหน้าที่");
});

test("repeated wrong passwords slow the account down and the form says for how long", async ({
  page,
}) => {
  // An account no other test signs in with: the waits it collects stay here.
  const admin = demoAccount("admin", "agency-admin@example.go.th");
  await page.goto("/admin/");
  await page.getByLabel("อีเมล").fill(admin.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("รหัสผ่าน").fill(`not-the-password-${i}`);
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await expect(page.getByRole("alert")).toHaveText("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
  }
  await page.getByLabel("รหัสผ่าน").fill(admin.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("alert")).toContainText(/โปรดลองใหม่ในอีก \d+ วินาที/);
  // Not locked: after the wait, the right password works.
  await page.waitForTimeout(5_500);
  await page.getByLabel("รหัสผ่าน").fill(admin.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(admin.email);
  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
});
