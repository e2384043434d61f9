import { fiscalQuarterOf } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { axe, signIn, signOut, trpcQuery } from "./helpers.ts";

// The portal's site-wide searches per quarter (docs/adr/0031-access-statistics.md): read by
// province coordinators and system administrators, not by an agency's roles.
const SEARCHES = 3;
const PAGE_TITLE = "สถิติการค้นหาทั้งเว็บไซต์รายไตรมาส";
const LINK = "สถิติการค้นหาทั้งเว็บไซต์";

test.describe.serial("site-wide searches", () => {
  let provinceId = "";

  test("a coordinator reads this quarter's site-wide searches (counted without cookies) and downloads them as CSV and as an Excel workbook", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    // A citizen's searches from the portal's search box: no session, no cookie asked for.
    for (let i = 0; i < SEARCHES; i++) {
      const res = await request.get(`/search?q=${encodeURIComponent("งบประมาณ")}`);
      expect(res.status()).toBe(200);
    }
    // The quarter the counts were added to (and the year the page opens on).
    const { fiscalYear, quarter } = fiscalQuarterOf(new Date());

    await signIn(page, demoAccount("admin", "coordinator@example.go.th"));
    provinceId = (await trpcQuery<{ id: string }[]>(page, "oversight.provinces", undefined))[0]!.id;
    await page.getByRole("link", { name: LINK }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAGE_TITLE);
    const table = page.getByTestId("site-searches");
    await expect(table.getByRole("caption")).toContainText(String(fiscalYear));
    const thisQuarter = table.getByRole("row", { name: new RegExp(`ไตรมาส ${quarter}`) });
    // Counts reach the database in batches (every 30 s): reload until these have.
    await expect(async () => {
      await page.reload();
      const cells = await thisQuarter.getByRole("cell").allTextContents();
      expect(Number((cells[0] ?? "0").replace(/,/g, ""))).toBeGreaterThanOrEqual(SEARCHES);
    }).toPass({ timeout: 80_000, intervals: [5_000] });
    const shown = Number(
      ((await thisQuarter.getByRole("cell").allTextContents())[0] ?? "").replace(/,/g, ""),
    );

    // The CSV of what is shown: its header and this quarter's row.
    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "ดาวน์โหลด CSV" }).click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toBe(`site-searches-${fiscalYear}.csv`);
    const csvLines = (await readFile((await csvFile.path())!, "utf8")).split("\r\n");
    expect(csvLines[0]).toBe("\uFEFFfiscal_year,quarter,searches");
    expect(csvLines[quarter]).toBe(`${fiscalYear},${quarter},${shown}`);

    // The same figures as a workbook for the executives' report.
    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "ดาวน์โหลด Excel (XLSX)" }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await (await xlsxDownload).path())!);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe("ไตรมาส");
    expect(sheet.getRow(1).getCell(3).value).toBe("การค้นหา");
    const row = sheet.getRow(1 + quarter);
    expect(row.getCell(1).value).toBe(fiscalYear);
    expect(row.getCell(2).value).toBe(`ไตรมาส ${quarter}`);
    expect(Number(row.getCell(3).value)).toBeGreaterThanOrEqual(SEARCHES);
    expect(sheet.getRow(6).getCell(2).value).toBe("รวมทั้งปี");
    await axe(page);
    await signOut(page);
  });

  test("an agency's editor has no link to it, is told the figures are not theirs, and the API refuses them", async ({
    page,
  }) => {
    await signIn(page, demoAccount("admin", "editor@example.go.th"));
    await expect(page.getByRole("link", { name: LINK })).toHaveCount(0);
    // The address typed in: the page loads, shows no figures and says who they are for.
    await page.goto("/admin/oversight/searches");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAGE_TITLE);
    await expect(page.locator(".notice")).toContainText("สำหรับผู้ประสานงานจังหวัดและผู้ดูแลระบบ");
    await expect(page.getByTestId("site-searches")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "ดาวน์โหลด Excel (XLSX)" })).toHaveCount(0);
    // Asking the API directly, with a province the editor does not coordinate, is refused.
    expect(provinceId, "the coordinator's test ran first").not.toBe("");
    const base = new URL(page.url()).origin;
    const input = encodeURIComponent(
      JSON.stringify({ json: { provinceId, fiscalYear: fiscalQuarterOf(new Date()).fiscalYear } }),
    );
    for (const path of ["accessStats.siteSearches", "accessStats.exportSiteSearchesXlsx"]) {
      const res = await page.request.get(`${base}/api/trpc/${path}?input=${input}`);
      expect(res.status(), path).toBe(403);
    }
  });
});
