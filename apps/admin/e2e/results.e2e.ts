import { demoAccount } from "@ita/playwright-config/accounts";
import { expect, test } from "@playwright/test";
import { axe, signIn } from "./helpers.ts";

const csvFile = (text: string) => ({
  name: "results.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${text}`, "utf8"),
});

test.describe.configure({ mode: "serial" });

test("the Lamphun coordinator reads the seeded results: the province's 2567 grade agrees, 2565's failures with their history", async ({
  page,
}) => {
  await signIn(page, demoAccount("admin", "coordinator@example.go.th"));
  await page.getByRole("link", { name: "ผลการประเมิน ITA" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ผลการประเมิน ITA ของจังหวัด");
  // The latest year with results first: Lamphun province, 2567, 94.25 ผ่านดี.
  const ranking = page.getByTestId("ranking");
  const lamphun = ranking.getByRole("row", { name: /จังหวัดลำพูน/ });
  await expect(lamphun).toContainText("94.25");
  await expect(lamphun).toContainText("ผ่านดี");
  await expect(lamphun).toContainText("ตรงกับที่คำนวณ");
  await expect(page.getByRole("img", { name: /คะแนนรวมรายหน่วยงาน ปี 2567/ })).toBeVisible();
  await axe(page);

  await page.getByRole("link", { name: "2565", exact: true }).click();
  await expect(page.getByTestId("pass-count")).toContainText("0 จาก 12");
  const failing = page.getByTestId("failing");
  await expect(failing.getByRole("row")).toHaveCount(13);
  await expect(failing.getByRole("row", { name: /เหล่ายาว/ })).toContainText(
    "2565: 84.99 ไม่ผ่าน ระดับ B",
  );
  await axe(page);
});

test("the coordinator records a result in the form and imports a CSV (a wrong file imports nothing); the portal shows the published grades", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, demoAccount("admin", "coordinator@example.go.th"));
  await page.goto("/admin/results");
  await page.getByLabel("ปีงบประมาณ", { exact: true }).fill("2566");
  await page.getByRole("button", { name: "แสดง" }).click();
  await expect(page).toHaveURL(/fy=2566/);

  // The province's target for 2566 (seed: at least 50).
  await expect(page.getByTestId("target")).toContainText("ผ่านอย่างน้อย 50 หน่วยงาน");

  // One agency by the form: a grade that is not the total's is saved as published, and flagged.
  await page.getByLabel("หน่วยงาน", { exact: true }).selectOption({
    label: "องค์การบริหารส่วนตำบลเหล่ายาว",
  });
  await page.getByLabel("ปีงบประมาณ (พ.ศ.)").fill("2566");
  await page.getByLabel("คะแนนรวมที่ประกาศ").fill("101");
  await page.getByLabel(/ระดับที่ประกาศ/).selectOption({ label: "ผ่าน ระดับ A" });
  await page.getByRole("button", { name: "บันทึกผล" }).click();
  await expect(page.locator("#r-total-error")).toContainText("ไม่เกิน 100");
  await page.getByLabel("คะแนนรวมที่ประกาศ").fill("86.50");
  await page.getByLabel("IIT").fill("80");
  await page.getByLabel("EIT").fill("90");
  await page.getByLabel("OIT").fill("100");
  await page.getByRole("button", { name: "บันทึกผล" }).click();
  await expect(page.getByRole("status")).toContainText("บันทึกผลขององค์การบริหารส่วนตำบลเหล่ายาวแล้ว");
  const laoYao = page.getByTestId("ranking").getByRole("row", { name: /เหล่ายาว/ });
  await expect(laoYao).toContainText("86.50");
  await expect(laoYao).toContainText("ผ่าน ระดับ A");
  // 80 × 0.3 + 90 × 0.3 + 100 × 0.4 = 91.00, not the published 86.50.
  await expect(laoYao).toContainText("91.00");

  // A CSV with a bad line: nothing is imported, each line says what is wrong.
  await page
    .getByLabel("ไฟล์ CSV (UTF-8)")
    .setInputFiles(
      csvFile(
        "agency,fiscal_year,total,grade\r\ntha-mae-lop-sao,2566,88.10,A\r\nwiang-kan-sao,2566,79.5,ผ่านดี\r\nno-such-sao,2566,80,B\r\n",
      ),
    );
  await page.getByRole("button", { name: "นำเข้า" }).click();
  const errors = page.getByTestId("csv-errors");
  await expect(errors).toContainText("แถวที่ 3 (grade)");
  await expect(errors).toContainText("แถวที่ 4 (agency)");
  await expect(page.getByTestId("ranking").getByRole("row", { name: /ท่าแม่ลอบ/ })).toHaveCount(0);

  await page
    .getByLabel("ไฟล์ CSV (UTF-8)")
    .setInputFiles(
      csvFile(
        "agency,fiscal_year,total,grade\r\ntha-mae-lop-sao,2566,๘๘.๑๐,A\r\nwiang-kan-sao,2566,79.5,B\r\n",
      ),
    );
  await page.getByRole("button", { name: "นำเข้า" }).click();
  await expect(page.getByTestId("imported")).toHaveText("นำเข้าแล้ว 2 แถว");
  await expect(page.getByTestId("ranking").getByRole("row", { name: /ท่าแม่ลอบ/ })).toContainText(
    "88.10",
  );
  await expect(page.getByTestId("pass-count")).toContainText("2 จาก 3");
  await expect(page.getByTestId("target")).toContainText("ยังขาด 48");

  // The province's target is the coordinator's to change.
  await page.getByLabel("เป้าหมายจำนวนหน่วยงานที่ผ่าน").fill("3");
  await page.getByRole("button", { name: "บันทึกเป้าหมาย" }).click();
  await expect(page.getByTestId("target")).toContainText("ยังขาด 1");
  await axe(page);

  // The same results as open data: CSV with a byte-order mark, JSON with the published grade.
  const csv = await page.request.get("/open-data/results.csv?fy=2566");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = (await csv.body()).toString("utf8");
  expect(csvText.startsWith("\uFEFFagency,name_th,province,fiscal_year,total,grade")).toBe(true);
  expect(csvText).toContain(
    "lao-yao-sao,องค์การบริหารส่วนตำบลเหล่ายาว,ลำพูน,2566,86.50,A,ผ่าน ระดับ A,true",
  );
  const json = (await (await page.request.get("/open-data/results.json?fy=2567")).json()) as {
    results: { agency: { slug: string }; total: number; gradeTh: string }[];
  };
  expect(json.results.find((r) => r.agency.slug === "lamphun")).toMatchObject({
    total: 94.25,
    gradeTh: "ผ่านดี",
  });

  // The public page shows the published grade, never the computed one.
  await page.goto("/agencies/lao-yao-sao");
  const table = page.getByRole("table", { name: "คะแนน ITA รายปี" });
  await expect(table.getByRole("row", { name: /2566/ })).toContainText("ผ่าน ระดับ A");
  await expect(table.getByRole("row", { name: /2566/ })).toContainText("86.50");
  await expect(table.getByRole("row", { name: /2565/ })).toContainText("ไม่ผ่าน ระดับ B");
  await page.goto("/agencies/lamphun");
  await expect(
    page.getByRole("table", { name: "คะแนน ITA รายปี" }).getByRole("row", { name: /2567/ }),
  ).toContainText("ผ่านดี");
  await expect(page.getByRole("table", { name: /คะแนนรายตัวชี้วัด ปีงบประมาณ 2567/ })).toContainText(
    "84.20",
  );
});
