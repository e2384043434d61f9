import AxeBuilder from "@axe-core/playwright";
import { fiscalQuarterOf } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers.ts";

test("the agency's administrator reads this quarter's page views (counted without cookies) and downloads them as CSV and as an Excel workbook", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // A citizen's visits: no session, no cookie asked for. The first renders the page; the
  // next three are answered from the page cache, on the socket (ADR 0032), and count too.
  const visit = () => request.get("/agencies/lamphun");
  expect((await visit()).status()).toBe(200);
  await expect.poll(async () => (await visit()).headers()["cache-status"]).toBe("ita-portal; hit");
  for (let i = 0; i < 3; i++)
    expect((await visit()).headers()["cache-status"]).toBe("ita-portal; hit");

  await signIn(page, demoAccount("admin", "agency-admin@example.go.th"));
  await page.getByRole("link", { name: "สถิติการเข้าใช้งาน" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("สถิติการเข้าใช้งานรายไตรมาส");
  // The quarter the visits were counted in.
  const { quarter } = fiscalQuarterOf(new Date());
  const thisQuarter = page
    .getByTestId("access-stats")
    .getByRole("row", { name: new RegExp(`ไตรมาส ${quarter}`) });
  // Counts reach the database in batches (every 30 s): reload until this one has.
  await expect(async () => {
    await page.reload();
    const cells = await thisQuarter.getByRole("cell").allTextContents();
    expect(Number((cells[0] ?? "0").replace(/,/g, ""))).toBeGreaterThanOrEqual(5);
  }).toPass({ timeout: 80_000, intervals: [5_000] });
  const csv = await page.getByRole("link", { name: "ดาวน์โหลด CSV" }).getAttribute("href");
  expect(decodeURIComponent(csv!.split(",").slice(1).join(","))).toMatch(
    /^\uFEFFfiscal_year,quarter,page_views,downloads,searches\r\n\d{4},1,\d+,/,
  );
  // The same figures as a workbook for the executives' report.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "ดาวน์โหลด Excel (XLSX)" }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await (await download).path())!);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(3).value).toBe("การเข้าชมหน้า");
  expect(sheet.getRow(1 + quarter).getCell(2).value).toBe(`ไตรมาส ${quarter}`);
  expect(Number(sheet.getRow(1 + quarter).getCell(3).value)).toBeGreaterThanOrEqual(5);
  expect(sheet.getRow(6).getCell(2).value).toBe("รวมทั้งปี");
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
