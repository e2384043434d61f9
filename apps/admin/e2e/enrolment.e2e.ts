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
  // A role that must use an authenticator and that no other test enrols.
  const officer = demoAccount("admin", "officer@example.go.th");
  await page.goto("/admin/");
  await page.getByLabel("อีเมล").fill(officer.email);
  await page.getByLabel("รหัสผ่าน").fill(officer.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ตั้งค่าการยืนยันตัวตนสองขั้นตอน");
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(await axe(page)).toEqual([]);

  // Scanned, then the page was reloaded (say, after installing the app): same secret.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ตั้งค่าการยืนยันตัวตนสองขั้นตอน");
  await expect(page.getByTestId("totp-secret")).toHaveText(secret);
  await expect(page.getByTestId("enrolment-expiry")).toContainText("เหมือนเดิมแม้โหลดหน้าใหม่");

  await page.getByLabel("รหัสยืนยัน").fill(await totpCode(secret));
  await page.getByRole("button", { name: "ยืนยัน" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  const first = (await codes.first().textContent())!.trim();
  expect(await axe(page)).toEqual([]);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "คัดลอก" }).click();
  await expect(page.getByRole("status")).toHaveText("คัดลอกรหัสกู้คืนแล้ว");
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
  await page.getByRole("button", { name: "พิมพ์" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");

  await page.getByRole("button", { name: "บันทึกแล้ว ดำเนินการต่อ" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(officer.email);
});
