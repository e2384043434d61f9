import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "./helpers.ts";

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze())
    .violations;

test("enrolling an authenticator survives a reload in the middle; recovery codes copy, download and print", async ({
  page,
  context,
}) => {
  // A clerk invited for this test alone, so no other test meets an enrolled account.
  const admin = demoAccount("admin", "agency-admin@example.go.th");
  const clerk = { email: "enrol.reload@example.go.th", password: "แม่น้ำปิงไหลผ่านเมืองเชียงใหม่" };
  const signInAs = async (account: { email: string; password: string }) => {
    await page.goto("/admin/");
    await page.getByLabel("อีเมล").fill(account.email);
    await page.getByLabel("รหัสผ่าน").fill(account.password);
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(account.email);
  };
  await signInAs(admin);
  await page.getByRole("link", { name: "ผู้ใช้งาน" }).first().click();
  await page.locator("#invite-email").fill(clerk.email);
  await page.locator("#invite-name").fill("ทดสอบ ลงทะเบียนแอป");
  await page.getByRole("button", { name: "ส่งคำเชิญ" }).click();
  const link = (await page.getByTestId("one-time-link").textContent())!.trim();
  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await page.goto(link);
  await page.locator("#sp-password").fill(clerk.password);
  await page.locator("#sp-confirm").fill(clerk.password);
  await page.getByRole("button", { name: "ตั้งรหัสผ่าน" }).click();
  await expect(page.getByRole("status")).toContainText("ตั้งรหัสผ่านแล้ว");
  await signInAs(clerk);

  // Turning on two-step verification from the account page.
  await page.goto("/admin/account");
  await page.getByRole("button", { name: "เปิดใช้งาน" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(await axe(page)).toEqual([]);

  // Scanned, then the page was reloaded (say, after installing the app): same secret.
  await page.reload();
  await page.getByRole("button", { name: "เปิดใช้งาน" }).click();
  await expect(page.getByTestId("totp-secret")).toHaveText(secret);
  await expect(page.getByTestId("enrolment-expiry")).toContainText("เหมือนเดิมแม้โหลดหน้าใหม่");

  await page.getByLabel("รหัสยืนยัน").fill(await totpCode(secret));
  await page.getByRole("button", { name: "ยืนยัน", exact: true }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  const first = (await codes.first().textContent())!.trim();
  expect(await axe(page)).toEqual([]);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "คัดลอก", exact: true }).click();
  await expect(page.getByText("คัดลอกรหัสกู้คืนแล้ว")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(first);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ดาวน์โหลด (.txt)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ita-recovery-codes.txt");
  expect(await readFile((await download.path())!, "utf8")).toContain(first);

  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "พิมพ์", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");

  await page.getByRole("button", { name: "บันทึกแล้ว ดำเนินการต่อ" }).click();
  await expect(page.getByText("เปิดใช้งานแล้ว")).toBeVisible();
});
