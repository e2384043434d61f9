import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn } from "./helpers.ts";

const RUN = Date.now().toString(36);

test("the agency administrator invites a member, copies the link from beside the form, and removes them when they leave", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000); // two people sign in, one of them enrolling a second factor
  const name = `ผู้ทดสอบ ลาออก ${RUN}`;
  const clerk = { email: `leaver.${RUN}@example.go.th`, password: "ดอยสุเทพมองเห็นได้จากทั่วเมือง" };
  await signIn(page, demoAccount("admin", "agency-admin@example.go.th"));
  await axe(page);
  await page.getByRole("link", { name: "ผู้ใช้งาน" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ผู้ใช้งานของหน่วยงาน");
  await axe(page);

  // The outcome sits next to the form, with a copy button; the form starts afresh.
  const form = page.locator("form", { has: page.locator("#invite-email") });
  await page.locator("#invite-email").fill(clerk.email);
  await page.locator("#invite-name").fill(name);
  await form.getByLabel("ผู้อนุมัติเผยแพร่").check();
  await form.getByRole("button", { name: "ส่งคำเชิญ" }).click();
  const result = form.getByTestId("invitation-result");
  await expect(result).toContainText("ส่งลิงก์นี้ให้ผู้ได้รับเชิญ");
  const link = (await result.getByTestId("one-time-link").textContent())!.trim();
  expect(link).toMatch(/\/admin\/set-password\?token=/);
  await expect(page.locator("#invite-email")).toHaveValue("");
  await expect(page.locator("#invite-name")).toHaveValue("");
  await expect(form.getByLabel("ผู้อนุมัติเผยแพร่")).not.toBeChecked();
  await expect(form.getByLabel("ผู้จัดทำข้อมูล")).toBeChecked();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await result.getByRole("button", { name: "คัดลอกลิงก์" }).click();
  await expect(result).toContainText("คัดลอกแล้ว");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await axe(page);

  // The new member sets a password and signs in on their own browser.
  const theirs = await browser.newContext();
  const clerkPage = await theirs.newPage();
  await clerkPage.goto(link);
  await clerkPage.locator("#sp-password").fill(clerk.password);
  await clerkPage.locator("#sp-confirm").fill(clerk.password);
  await clerkPage.getByRole("button", { name: "ตั้งรหัสผ่าน" }).click();
  await expect(clerkPage.getByRole("status")).toContainText("ตั้งรหัสผ่านแล้ว");
  await signIn(clerkPage, clerk);

  // A refusal is said in the member's row, beside the button that was pressed: an approver's
  // reset link goes by e-mail only, and this server sends none.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  const reset = row.getByRole("button", { name: "ลิงก์ตั้งรหัสผ่านใหม่" });
  await reset.click();
  await expect(row.getByRole("alert")).toContainText("ส่งลิงก์ตั้งรหัสผ่านใหม่ถึงผู้ใช้ไม่ได้");
  await expect(reset).toHaveAccessibleDescription(/ส่งลิงก์ตั้งรหัสผ่านใหม่ถึงผู้ใช้ไม่ได้/);
  await expect(page.getByRole("alert")).toHaveCount(1);
  await axe(page);

  // They leave: removed after a confirmation that says what happens.
  await page.getByRole("button", { name: `นำออกจากหน่วยงาน ${name}` }).click();
  const confirm = page.getByRole("group", { name: new RegExp(`นำ ${name} ออกจากหน่วยงาน`) });
  await expect(confirm).toContainText("ประวัติการทำงานยังอยู่");
  await axe(page);
  await confirm.getByRole("button", { name: "ยืนยัน นำออกจากหน่วยงาน" }).click();
  await expect(page.getByRole("status")).toContainText("ปิดบัญชีและออกจากระบบทุกอุปกรณ์แล้ว");
  await expect(page.getByRole("cell", { name: new RegExp(name) })).toHaveCount(0);
  await axe(page);

  // Their session ended at once, and the account no longer signs in.
  await clerkPage.goto("/admin/");
  await expect(clerkPage.getByRole("heading", { level: 1 })).toHaveText("เข้าสู่ระบบสำหรับเจ้าหน้าที่");
  await clerkPage.getByLabel("อีเมล").fill(clerk.email);
  await clerkPage.getByLabel("รหัสผ่าน").fill(clerk.password);
  await clerkPage.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(clerkPage.getByRole("alert")).toContainText("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
  await theirs.close();

  // The profile form says, before saving, that changes go live at once.
  await page.goto("/admin/");
  await page.getByRole("link", { name: "ข้อมูลหน่วยงาน" }).first().click();
  await expect(page.getByTestId("profile-live-note")).toContainText("แสดงบนหน้าสาธารณะทันที");
  await expect(page.getByRole("button", { name: "บันทึก" })).toHaveAccessibleDescription(/ทันที/);
  await axe(page);

  // Complaint deadlines (working days): a decision shorter than the acknowledgement is
  // refused by its field; the defaults save again.
  const acknowledge = page.getByLabel("ตอบรับเรื่องภายใน (วันทำการ)");
  const decide = page.getByLabel("พิจารณาให้แล้วเสร็จภายใน (วันทำการ)");
  await expect(acknowledge).toHaveValue("3");
  await expect(decide).toHaveValue("30");
  await acknowledge.fill("10");
  await decide.fill("5");
  await page.getByRole("button", { name: "บันทึก" }).click();
  await expect(page.locator("#p-complaintDecideWorkingDays-error")).toHaveText(
    "กำหนดพิจารณาให้แล้วเสร็จต้องไม่น้อยกว่ากำหนดตอบรับเรื่อง",
  );
  await expect(decide).toHaveAttribute("aria-invalid", "true");
  await axe(page);
  await acknowledge.fill("3");
  await decide.fill("30");
  await page.getByRole("button", { name: "บันทึก" }).click();
  await expect(page.getByRole("status")).toHaveText("บันทึกแล้ว");
});
