import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn } from "./helpers.ts";

const AGENCY_ADMIN = "agency-admin@example.go.th";

test("a system administrator makes an agency administrator Lopburi's coordinator and revokes it; refusals show next to the e-mail", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const admin = demoAccount("admin", "admin@example.go.th");
  await signIn(page, admin);
  await page.getByRole("link", { name: "ผู้ประสานงานและผู้ดูแลระบบ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ผู้ประสานงานจังหวัดและผู้ดูแลระบบ");
  await expect(page.getByTestId("system-admins")).toContainText(admin.email);
  await axe(page);

  const coordForm = page.locator("form", {
    has: page.getByRole("heading", { name: "ให้บทบาทผู้ประสานงานจังหวัด" }),
  });
  // No account: the message stands beside the field, nothing is granted.
  await coordForm.getByLabel("อีเมลของบัญชี").fill("nobody@example.go.th");
  await coordForm.getByLabel("จังหวัด").selectOption({ label: "ลพบุรี" });
  await coordForm.getByRole("button", { name: "ให้บทบาท" }).click();
  await expect(page.locator("#coord-email-error")).toContainText("ไม่พบบัญชีที่ใช้อีเมลนี้");
  await expect(page.locator("#coord-email")).toHaveAttribute("aria-invalid", "true");
  await axe(page);

  await coordForm.getByLabel("อีเมลของบัญชี").fill(AGENCY_ADMIN);
  await coordForm.getByRole("button", { name: "ให้บทบาท" }).click();
  await expect(page.getByRole("status")).toContainText("ผู้ประสานงานจังหวัดลพบุรี");
  const lopburi = page.getByTestId("coordinators").locator("tr", { hasText: "ลพบุรี" });
  await expect(lopburi).toContainText(AGENCY_ADMIN);

  // Granting oneself system administration is refused beside the field.
  const adminForm = page.locator("form", {
    has: page.getByRole("heading", { name: "ให้สิทธิ์ผู้ดูแลระบบ" }),
  });
  await adminForm.getByLabel("อีเมลของบัญชี").fill(admin.email);
  await adminForm.getByRole("button", { name: "ให้สิทธิ์" }).click();
  await expect(page.locator("#admin-email-error")).toContainText("ให้บทบาทนี้แก่ตนเองไม่ได้");
  await axe(page);

  // The demo's only system administrator cannot step down.
  await page
    .getByTestId("system-admins")
    .locator("li", { hasText: admin.email })
    .getByRole("button", { name: /ถอนสิทธิ์ผู้ดูแลระบบ/ })
    .click();
  await expect(page.getByRole("alert")).toContainText("ผู้ดูแลระบบคนสุดท้าย");

  // Revoked: gone from the list at once (the demo stays as it was for other specs).
  await lopburi
    .locator("li", { hasText: AGENCY_ADMIN })
    .getByRole("button", { name: /ถอนบทบาท/ })
    .click();
  await expect(page.getByRole("status")).toContainText("ถอน");
  await expect(page.getByTestId("coordinators")).not.toContainText(AGENCY_ADMIN);
});
