import { progressChartSvg } from "@ita/api/oversight";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { axe, signIn, trpcQuery } from "./helpers.ts";

const FY = currentFiscalYear();
/** Lamphun's real size (seed `lamphun-2566-…`): the demo has 13 of its 59 agencies. */
const AGENCIES = 59;

interface Summary {
  round: { titleTh: string };
  province: { nameTh: string };
  agencies: { nameTh: string; percent: number; overdue: number; needsFix: number }[];
  chartSvg: string;
}

test("the governor's summary of a round prints on one A4 page, the chart beside its table, for all 59 of Lamphun's agencies", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, demoAccount("admin", "coordinator@example.go.th"));
  const [province] = await trpcQuery<{ id: string }[]>(page, "oversight.provinces", undefined);
  const matrix = await trpcQuery<{ rounds: { id: string; number: number }[] }>(
    page,
    "oversight.readiness",
    { provinceId: province!.id, fiscalYear: FY },
  );
  const round = matrix.rounds.find((r) => r.number === 1)!;

  // The demo's summary of round 1, grown to the province's 59 agencies with names as long
  // as the real ones (the chart drawn by the server's own function for those rows).
  await page.route(/\/api\/trpc\/[^?]*oversight\.summary/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as
      { result: { data: { json: Summary } } } | { result: { data: { json: Summary } } }[];
    for (const part of Array.isArray(body) ? body : [body]) {
      const summary = part.result?.data?.json;
      if (!summary || !("chartSvg" in summary)) continue;
      const agencies = Array.from({ length: AGENCIES }, (_, i) => ({
        ...summary.agencies[i % summary.agencies.length]!,
        nameTh: `${summary.agencies[i % summary.agencies.length]!.nameTh} ${i + 1}`,
        percent: Math.round((i * 100) / (AGENCIES - 1)),
      }));
      summary.agencies = agencies;
      summary.chartSvg = progressChartSvg(
        agencies,
        `ความคืบหน้าของหน่วยงาน ${summary.round.titleTh} จังหวัด${summary.province.nameTh}`,
      );
    }
    await route.fulfill({ response, json: body });
  });
  await page.goto(`/admin/oversight/summary?round=${round.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("จังหวัดลำพูน");
  const table = page.getByRole("table", { name: "ข้อมูลของแผนภูมิ" });
  await expect(table.locator("tbody tr")).toHaveCount(AGENCIES);
  await expect(page.getByRole("img", { name: /ความคืบหน้าของหน่วยงาน/ })).toBeVisible();
  await axe(page);

  // Printed: one A4 page, without the menus and buttons, the table beside the chart; both
  // still there to print (a stylesheet that hides the page prints one blank page).
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "พิมพ์" })).toBeHidden();
  await expect(page.getByRole("navigation").first()).toBeHidden();
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr").last()).toBeVisible();
  const chart = page.getByRole("img", { name: /ความคืบหน้าของหน่วยงาน/ });
  await expect(chart).toBeVisible();
  const chartBox = (await chart.boundingBox())!;
  expect((await table.boundingBox())!.x).toBeGreaterThan(chartBox.x + chartBox.width - 1);
  const printed = await PDFDocument.load(await page.pdf({ format: "A4" }));
  expect(printed.getPageCount()).toBe(1);
});
