import AxeBuilder from "@axe-core/playwright";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

// Inviting an e-mail that already has an account only offers the roles (ADR 0014): the
// holder answers on their home page. Declined here, so the demo editor stays an editor.
test("an existing account is offered roles and its holder declines them on the home page", async ({
  page,
}) => {
  const editor = demoAccount("admin", "editor@example.go.th");
  await signIn(page, demoAccount("admin", "agency-admin@example.go.th"));
  await page.getByRole("link", { name: "ผู้ใช้งาน" }).first().click();
  const form = page.locator("form", { has: page.locator("#invite-email") });
  await page.locator("#invite-email").fill(editor.email);
  await page.locator("#invite-name").fill("ผู้จัดทำข้อมูล");
  await form.getByLabel("ผู้อนุมัติเผยแพร่").check();
  await page.getByRole("button", { name: "ส่งคำเชิญ" }).click();
  await expect(page.getByRole("status")).toContainText("บัญชีนี้มีอยู่แล้ว");
  await expect(page.getByTestId("one-time-link")).toHaveCount(0);
  await expect(page.getByText("รอเจ้าของบัญชีตอบรับ")).toBeVisible();
  await signOut(page);

  await signIn(page, editor);
  const offers = page.getByRole("region", { name: "คำเชิญที่รอคุณตอบรับ" });
  await expect(offers).toContainText("ผู้อนุมัติเผยแพร่");
  const scan = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(scan.violations.map((v) => v.id)).toEqual([]);
  await offers.getByRole("button", { name: /^ปฏิเสธ/ }).click();
  await expect(page.getByRole("status")).toHaveText("ปฏิเสธคำเชิญแล้ว");
  await expect(offers).toHaveCount(0);
});
