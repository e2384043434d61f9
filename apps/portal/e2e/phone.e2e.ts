import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The citizen's journeys on a small phone (issue #10, "Citizen on a phone").
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(axe.violations).toEqual([]);
}

test("the ITA results table shows the grade without scrolling sideways", async ({ page }) => {
  await page.goto("/agencies/lopburi-pao");
  const row = page
    .getByRole("table", { name: "คะแนน ITA รายปี" })
    .getByRole("row", { name: /2565/ });
  const grade = row.getByRole("cell", { name: "ผ่าน ระดับ AA" });
  await grade.scrollIntoViewIfNeeded();
  const box = await grade.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
});

test("citizens read public wording, not notes meant for staff", async ({ page }) => {
  for (const path of ["/agencies/lamphun?fy=2568", "/agencies/lamphun/2568/O28"]) {
    await page.goto(path);
    await expect(page.getByText(/ITAS|ไปก่อน/)).toHaveCount(0);
  }
  await expect(page.getByText(/ใช้อ้างอิงหรือแชร์ต่อได้/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("search shows the result count first and folds the filters until one is used", async ({
  page,
}) => {
  await page.goto(`/search?q=${encodeURIComponent("จัดซื้อจัดจ้าง")}`);
  const count = page.getByTestId("result-count");
  await expect(count).toHaveText("รายการที่ 1–20 จากมากกว่า 20 รายการ");
  await expect(page.getByLabel("จังหวัด")).toBeHidden();
  const countBox = await count.boundingBox();
  const filtersBox = await page.locator("details.filters").boundingBox();
  expect(countBox!.y).toBeLessThan(filtersBox!.y);
  expect(countBox!.y).toBeLessThan(740);
  await expectNoAxeViolations(page);

  await page.getByText("ตัวกรอง", { exact: true }).click();
  await expect(page.getByLabel("จังหวัด")).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent("แผนปฏิบัติการ")}&province=lopburi&category=6`);
  await expect(page.getByText("ตัวกรอง (เลือกไว้ 2)")).toBeVisible();
  await expect(page.getByLabel("จังหวัด")).toHaveValue("lopburi");
  await expect(page.getByTestId("result-count")).toHaveText(/^(พบ \d+ รายการ|รายการที่ 1–20)/);
});

test("from the home page the complaint channels are two taps away", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
  await page
    .getByRole("navigation", { name: "เมนูหลัก" })
    .getByRole("link", { name: "ร้องเรียน" })
    .tap();
  await expect(page).toHaveURL(/\/complaints\/new$/);
  // One tap: the national channels and the form to find an agency's own are on this page.
  await expect(page.getByRole("link", { name: /1567/ })).toHaveAttribute("href", "tel:1567");
  await expect(page.getByRole("link", { name: /1205/ })).toHaveAttribute("href", "tel:1205");
  await expectNoAxeViolations(page);
});

test("an agency's complaint entry and first published item are near the top", async ({ page }) => {
  await page.goto("/agencies/lamphun");
  const viewport = page.viewportSize()!;
  const complain = page.getByRole("main").getByRole("link", { name: "ร้องเรียน", exact: true });
  expect((await complain.boundingBox())!.y).toBeLessThan(viewport.height);
  const firstPublished = page.locator(".category .items > li").first();
  await expect(firstPublished.locator(".badge.ok")).toBeVisible();
  expect((await firstPublished.boundingBox())!.y).toBeLessThan(viewport.height * 1.5);
  // The agency's own channels: a second tap from the entry near the top.
  await page.getByRole("main").getByRole("link", { name: "ช่องทางร้องเรียนของหน่วยงาน" }).tap();
  await expect(
    page.getByRole("heading", { name: "ช่องทางร้องเรียนการทุจริตและประพฤติมิชอบ" }),
  ).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("separators and brackets have their spaces (glossary): breadcrumbs, completeness, downloads", async ({
  page,
}) => {
  const cramped = /\S[›·]|[›·]\S|[^\s(]\(|:(?=\S)/;
  await page.goto("/agencies/lamphun");
  const lines = [
    await page.locator("nav.breadcrumb").innerText(),
    await page.locator("p.completeness").innerText(),
    ...(await page.getByRole("link", { name: "CSV" }).locator("xpath=..").allInnerTexts()),
  ];
  expect(lines[0]).toBe("หน้าแรก › จังหวัดลำพูน › จังหวัดลำพูน");
  expect(lines[1]).toMatch(/^ความครบถ้วน \(ปีงบประมาณ \d{4}\): เผยแพร่แล้ว \d+ จาก \d+ ข้อ \(\d+%\)/);
  expect(lines.length).toBeGreaterThanOrEqual(4);
  for (const line of lines) expect(line.replace(/\s+/g, " ").trim()).not.toMatch(cramped);
  await page.goto("/agencies/lamphun/2568/O28");
  expect(await page.locator("nav.breadcrumb").innerText()).toMatch(/^หน้าแรก › \S.* › O28$/);
  await page.goto("/complaints/new/lamphun");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "ร้องเรียนการทุจริตและประพฤติมิชอบ จังหวัดลำพูน",
  );
});
