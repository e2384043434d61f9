import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { axe, signIn, signOut, trpcMutate, trpcMutation, trpcQuery } from "./helpers.ts";

const FY = currentFiscalYear();
const COMMENT = "โปรดแนบประกาศฉบับที่ลงนามแล้ว";

const coordinator = () => demoAccount("admin", "coordinator@example.go.th");
const editor = () => demoAccount("admin", "editor@example.go.th");
const approver = () => demoAccount("admin", "approver@example.go.th");

/** The editor writes an item and the approver publishes it (through the API, as a script would). */
async function publishItem(page: Page, itemCode: string, title: string) {
  await signIn(page, editor());
  const mine = await trpcQuery<{ id: string; slug: string }[]>(page, "agencyAdmin.mine", undefined);
  const agencyId = mine[0]!.id;
  const entries = await trpcQuery<{ id: string; itemCode: string }[]>(page, "entries.list", {
    agencyId,
    fiscalYear: FY,
    itemCode,
  });
  let entryId = entries[0]?.id;
  if (!entryId) {
    const created = await trpcMutate<{ id: string }>(page, "entries.create", {
      agencyId,
      fiscalYear: FY,
      itemCode,
      title,
    });
    entryId = created.id;
  } else await trpcMutation(page, "entries.save", { entryId, title });
  await trpcMutate(page, "entries.submit", { entryId });
  await signOut(page);
  await signIn(page, approver());
  await trpcMutate(page, "entries.approve", { entryId });
  await signOut(page);
  return agencyId;
}

test.describe.serial("a coordinator's review round", () => {
  let agencyId = "";

  test("the coordinator defines a round, reviews items (one needs a fix) and downloads the report", async ({
    page,
  }) => {
    // A walk of several screens with axe on each (and two sign-ins): a loaded machine needs the margin.
    test.setTimeout(120_000);
    agencyId = await publishItem(page, "O10", `นโยบายคุ้มครองข้อมูลส่วนบุคคล ${Date.now().toString(36)}`);
    await publishItem(page, "O12", `รายงานการกำกับติดตาม รอบ ๖ เดือน ${Date.now().toString(36)}`);
    await signIn(page, coordinator());
    await page.getByRole("link", { name: "ความพร้อมของหน่วยงาน" }).click();
    await expect(page.getByTestId("readiness-matrix")).toBeVisible();
    await axe(page);

    // The plan: Lamphun's demo round 3 is replaced by a round of two items.
    await page.getByRole("link", { name: "แผนการตรวจของจังหวัด" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("แผนการตรวจ");
    await axe(page);
    const round3 = page.locator("form", { has: page.getByRole("heading", { name: /รอบ 3:/ }) });
    await round3.getByRole("button", { name: "ลบรอบนี้" }).click();
    await expect(page.getByText("ลบรอบแล้ว")).toBeVisible();
    const fresh = page.locator("form", {
      has: page.getByRole("heading", { name: "เพิ่มรอบการตรวจ" }),
    });
    await fresh.getByLabel("ชื่อรอบ").fill("ครั้งที่ 3 (ทดสอบ)");
    await fresh.getByLabel("นับจากวันที่").fill(`${FY - 543}-03-02`);
    await fresh.getByLabel("จำนวนวันทำการ").fill("10");
    await fresh.getByRole("button", { name: "คำนวณกำหนดส่ง" }).click();
    await expect(fresh.getByLabel("กำหนดส่ง")).not.toHaveValue("");
    await fresh.getByLabel(/^O10 /).check();
    await fresh.getByLabel(/^O12 /).check();
    await fresh.getByRole("button", { name: "เพิ่มรอบ" }).click();
    await expect(page.getByText(/^บันทึกรอบที่ \d+ แล้ว$/)).toBeVisible();
    await axe(page);

    // Review: O10 needs a fix.
    await page.getByRole("link", { name: "← ความพร้อมของหน่วยงาน" }).click();
    const roundOption = page.locator("#f-round option", { hasText: "ครั้งที่ 3 (ทดสอบ)" });
    await page.getByLabel("รอบการตรวจ").selectOption((await roundOption.getAttribute("value"))!);
    await page.getByRole("button", { name: "แสดง" }).click();
    await expect(page).toHaveURL(/round=/);
    // Pages, furthest behind first across them, with page and size in the URL (the demo's
    // Lamphun agencies five at a time, as a link asking for that size would show them).
    const fiveAPage = new URL(page.url());
    fiveAPage.searchParams.set("size", "5");
    await page.goto(fiveAPage.toString());
    await expect(page.getByTestId("matrix-range")).toContainText(/ลำดับที่ 1–5 จาก \d+/);
    await page.getByRole("link", { name: "หน้าถัดไป →" }).first().click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/round=/);
    await expect(page.getByTestId("matrix-range")).toContainText("ลำดับที่ 6–10");
    await axe(page);
    await page.getByLabel("หน่วยงานต่อหน้า").selectOption("100");
    await page.getByRole("button", { name: "แสดง" }).click();
    await expect(page).toHaveURL(/size=100/);
    await expect(page.getByTestId("matrix-range")).toContainText("ลำดับที่ 1–");
    await page.locator(`[data-agency="lamphun"] th a`).click();
    const o10 = page.locator(`li[data-item="O10"]`);
    await o10.getByRole("button", { name: "ต้องแก้ไข (O10)" }).click();
    await expect(o10.locator(".field-error")).toContainText("กรุณาบอกสิ่งที่ต้องแก้ไข");
    await o10.getByLabel("ความเห็นถึงหน่วยงาน").fill(COMMENT);
    await o10.getByRole("button", { name: "ต้องแก้ไข (O10)" }).click();
    await expect(o10.getByTestId("review-state")).toHaveText("ต้องแก้ไข");
    // The other item of the round is fine.
    const o12 = page.locator(`li[data-item="O12"]`);
    await o12.getByRole("button", { name: "ผ่าน (O12)" }).click();
    await expect(o12.getByTestId("review-state")).toHaveText("ตรวจแล้ว ผ่าน");
    await axe(page);

    // The round's report: one row per agency × round item.
    await page.goBack();
    const matrix = await trpcQuery<{ paging: { total: number }; columns: unknown[] }>(
      page,
      "oversight.readiness",
      {
        provinceId: new URL(page.url()).searchParams.get("province"),
        fiscalYear: FY,
        roundId: new URL(page.url()).searchParams.get("round"),
      },
    );
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "ดาวน์โหลดรายงานรอบ (Excel)" }).click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(matrix.paging.total * matrix.columns.length);
    expect(sheet.getRow(1).getCell(7).value).toBe("ความเห็นของจังหวัด");
    // The demo agency's two rows: the state and comment given, and the public permalink.
    const lamphun = (code: string) =>
      sheet
        .getSheetValues()
        .find((r) => Array.isArray(r) && r[1] === "จังหวัดลำพูน" && r[3] === code) as unknown[];
    expect(lamphun("O10").slice(6, 8)).toEqual(["ต้องแก้ไข", COMMENT]);
    expect(String(lamphun("O10")[8])).toMatch(new RegExp(`/agencies/lamphun/${FY}/O10$`));
    expect(lamphun("O12")[6]).toBe("ตรวจแล้ว ผ่าน");
    await signOut(page);
  });

  test("the agency sees the comment, fixes the item and it returns to review", async ({ page }) => {
    await signIn(page, editor());
    await page.goto(`/admin/agencies/${agencyId}/${FY}`);
    await expect(page.locator(`tr[data-item="O10"] [data-testid="province-review"]`)).toContainText(
      COMMENT,
    );
    await axe(page);
    await signOut(page);
    await publishItem(page, "O10", `นโยบายคุ้มครองข้อมูลส่วนบุคคล ฉบับแก้ไข ${Date.now().toString(36)}`);
    await signIn(page, coordinator());
    await page.goto(`/admin/oversight/agencies/${agencyId}?fy=${FY}`);
    await expect(page.locator(`li[data-item="O10"] [data-testid="review-state"]`)).toHaveText(
      "เผยแพร่แล้ว รอตรวจ",
    );
    await axe(page);
  });
});
