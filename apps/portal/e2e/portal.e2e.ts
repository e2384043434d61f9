import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(axe.violations).toEqual([]);
}

test("home shows figures, latest publications and provinces, in Thai, accessibly", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ศูนย์ข้อมูลความโปร่งใสหน่วยงานภาครัฐ");
  await expect(page.getByTestId("agency-count")).toHaveText("15");
  await expect(page.getByTestId("document-count")).toHaveText(/^\d{1,3}(,\d{3})*$/);
  await expect(page.getByRole("heading", { name: "เผยแพร่ล่าสุด" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "ค้นหา" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("browsing province → district → agency type → agency page with profile, categories, complaints and ITA results", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "จังหวัดลพบุรี" }).click();
  await expect(page).toHaveURL(/\/provinces\/lopburi$/);
  await expect(page.getByRole("heading", { name: "อำเภอเมืองลพบุรี" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "องค์การบริหารส่วนจังหวัด", exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "องค์การบริหารส่วนจังหวัดลพบุรี" }).click();
  await expect(page).toHaveURL(/\/agencies\/lopburi-pao$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("องค์การบริหารส่วนจังหวัดลพบุรี");
  await expect(page.getByRole("heading", { name: /^1\. ข้อมูลพื้นฐาน/ })).toBeVisible();
  // What is not yet published is folded under a count; unfolded, every category is there.
  await page.getByTestId("missing-count").click();
  await expect(page.getByRole("heading", { name: /^7\./ }).first()).toBeVisible();
  await expect(page.getByTestId("completeness")).toContainText(/เผยแพร่แล้ว \d+ จาก 43 ข้อ/);
  const complaints = page.getByRole("region", { name: "ช่องทางร้องเรียนการทุจริตและประพฤติมิชอบ" });
  await expect(complaints.getByRole("link", { name: /\(O28\)/ })).toHaveAttribute(
    "href",
    /\/agencies\/lopburi-pao\/\d{4}\/O28$/,
  );
  await expect(complaints.getByRole("link", { name: /1567/ })).toHaveAttribute("href", "tel:1567");
  await expect(complaints.getByRole("link", { name: /1205/ })).toHaveAttribute("href", "tel:1205");
  await expect(complaints.getByRole("link", { name: /ร้องเรียนออนไลน์/ })).toHaveAttribute(
    "href",
    "/complaints/new/lopburi-pao",
  );
  const chart = page.getByRole("img", { name: "คะแนน ITA รายปี" });
  await expect(chart).toBeVisible();
  const table = page.getByRole("table", { name: "คะแนน ITA รายปี" });
  await expect(table.getByRole("row", { name: /2565/ })).toContainText("96.77");
  await expect(table.getByRole("row", { name: /2565/ })).toContainText("ผ่าน ระดับ AA");
  await expectNoAxeViolations(page);
});

test("the fiscal-year switcher shows another year's disclosures", async ({ page }) => {
  await page.goto("/agencies/lamphun");
  // Year links, one tap each, without JavaScript.
  const years = page.getByRole("navigation", { name: "ปีงบประมาณ" });
  await years.getByRole("link", { name: "2566", exact: true }).click();
  await expect(page).toHaveURL(/\/agencies\/lamphun\?fy=2566$/);
  await expect(page.getByRole("heading", { level: 2, name: /ปีงบประมาณ 2566/ })).toBeVisible();
  await expect(years.getByRole("link", { name: "2566", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText(/เป็นไปตามเกณฑ์การประเมิน ITA ปี/)).toHaveCount(0);
  await years.getByRole("link", { name: "2568", exact: true }).click();
  await expect(page.getByRole("note")).toContainText(
    "รายการข้อมูลของปีงบประมาณ 2568 เป็นไปตามเกณฑ์การประเมิน ITA ปี 2566",
  );
});

test("the agency page leads with what was published, folds what is missing and lists each item once", async ({
  page,
}) => {
  await page.goto("/agencies/lamphun?fy=2568");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "ร้องเรียน", exact: true })).toHaveAttribute(
    "href",
    "/complaints/new/lamphun",
  );
  await expect(main.getByRole("link", { name: "ช่องทางร้องเรียนของหน่วยงาน" })).toHaveAttribute(
    "href",
    "#complaints",
  );
  const required = Number(
    /จาก (\d+) ข้อ/.exec((await page.getByTestId("completeness").textContent()) ?? "")?.[1],
  );
  const published = page.locator(".category .items > li");
  const missing = page.locator(".missing-items .items > li");
  await expect(page.getByTestId("missing-count")).toHaveText(
    `ยังไม่เผยแพร่ ${await missing.count()} ข้อ (แตะเพื่อดูรายการ)`,
  );
  expect((await published.count()) + (await missing.count())).toBe(required);
  await expect(published.first().locator(".badge.ok")).toBeVisible();
  await expect(missing.first()).toBeHidden();
  // O11 sits under two categories: listed once, labelled with both.
  const o11 = page
    .locator(".items > li")
    .filter({ has: page.locator("strong", { hasText: /^O11$/ }) });
  await expect(o11).toHaveCount(1);
  await expect(o11.locator(".badge.category")).toHaveCount(2);
  await page.getByTestId("missing-count").click();
  await expect(missing.first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an item permalink lists its entries with BE dates, accessibly", async ({ page }) => {
  const response = await page.goto("/agencies/lamphun/2568/o28");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/agencies\/lamphun\/2568\/O28$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("O28");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ช่องทางแจ้งเรื่องร้องเรียน");
  const entries = page.locator("article.entry");
  await expect(entries.first()).toContainText(/เผยแพร่เมื่อ \d{1,2} \S+ 25\d\d/);
  await expect(page.getByRole("link", { name: /ดูทุกข้อของหน่วยงาน/ })).toHaveAttribute(
    "href",
    "/agencies/lamphun?fy=2568#disclosures",
  );
  await expectNoAxeViolations(page);
});

test("searching Thai words highlights matches and pages through results", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "ค้นหา" }).fill("จัดซื้อจัดจ้าง");
  await page.getByRole("button", { name: "ค้นหา" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ผลการค้นหา “จัดซื้อจัดจ้าง”");
  await expect(page.locator(".results mark").first()).toBeVisible();
  await expect(page.locator(".results > li")).toHaveCount(20);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /หน้าถัดไป/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("หน้า 2");

  await page.goto(
    "/search?q=%E0%B9%81%E0%B8%9C%E0%B8%99%E0%B8%9B%E0%B8%8F%E0%B8%B4%E0%B8%9A%E0%B8%B1%E0%B8%95%E0%B8%B4%E0%B8%81%E0%B8%B2%E0%B8%A3&category=6&province=lopburi",
  );
  const first = page.locator(".results > li").first();
  await expect(first).toContainText("องค์การบริหารส่วนจังหวัดลพบุรี");
  await expect(first.locator("mark").first()).toHaveText("แผนปฏิบัติการ");

  const bad = await page.goto("/search?q=!!!");
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(/คำค้นหาต้องมีตัวอักษรหรือตัวเลข/);
  await expectNoAxeViolations(page);

  // Search is bounded (the embedded database cannot cancel a query): a clear message, in
  // the visitor's language, when a bound is hit.
  const deep = await page.goto("/search?q=ทุจริต&page=26");
  expect(deep?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(/ไม่เกิน 500 รายการแรก/);
  await page.goto("/search?q=ทุจริต&page=26&lang=en");
  await expect(page.getByRole("alert")).toHaveText(/at most the first 500 results/);
  await page.goto(
    `/search?q=${encodeURIComponent("ทุจริต แผน ประกาศ รายงาน งบประมาณ บุคลากร สถิติ คู่มือ ร้องเรียน")}&lang=th`,
  );
  await expect(page.getByTestId("search-terms-limited")).toHaveText(/เฉพาะ 8 คำแรก/);
});

test("unknown agency, year or item answer a Thai 404 page", async ({ page }) => {
  for (const path of [
    "/agencies/no-such-agency",
    "/agencies/lamphun/2599/O28",
    "/agencies/lamphun/2568/O99",
    "/agencies/lamphun/abc/O1",
    "/files/00000000-0000-4000-8000-000000000000/x.pdf",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ไม่พบหน้าที่คุณต้องการ");
  }
  await expectNoAxeViolations(page);
});

test("open data downloads: CSV with BOM, JSON that parses, feeds, sitemap, robots", async ({
  request,
}) => {
  const csv = await request.get("/open-data/agencies.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("จังหวัดลำพูน");

  const json = await request.get("/open-data/agencies.json");
  const agencies = (await json.json()) as { count: number; agencies: { slug: string }[] };
  expect(agencies.count).toBe(15);

  const rows = await request.get("/open-data/agencies/lamphun/disclosures.json?fy=2568");
  const data = (await rows.json()) as {
    entries: { itemCode: string; permalink: string; fiscalYear: number }[];
  };
  expect(data.entries.length).toBeGreaterThan(10);
  expect(data.entries.every((e) => e.fiscalYear === 2568)).toBe(true);
  expect(data.entries[0]!.permalink).toMatch(
    /^http:\/\/localhost:\d+\/agencies\/lamphun\/2568\/O\d+$/,
  );
  const agencyCsv = await (
    await request.get("/open-data/agencies/lamphun/disclosures.csv?fy=2568")
  ).text();
  expect(agencyCsv.split("\r\n")[0]).toBe(
    "\uFEFFfiscal_year,item_code,categories,title,published_at,permalink,attachment_urls,links",
  );

  const feed = await request.get("/agencies/lamphun/feed.xml");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(await feed.text()).toMatch(
    /^<\?xml[\s\S]*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"[\s\S]*<entry>/,
  );
  expect((await request.get("/feed.xml")).status()).toBe(200);
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/agencies/lopburi-pao</loc>");
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap: ");
});

test("text responses and built assets go out as br or gzip, the same bytes once decoded", async ({
  request,
}) => {
  const page = await request.get("/");
  const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await page.text())![1]!;
  for (const path of [
    "/agencies/lamphun",
    "/open-data/agencies.csv",
    "/open-data/agencies.json",
    "/feed.xml",
    css,
    "/admin/",
  ]) {
    const plain = await request.get(path, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers()["content-encoding"], path).toBeUndefined();
    for (const encoding of ["br", "gzip"]) {
      // The request context decodes the body; the header says what travelled.
      const res = await request.get(path, { headers: { "accept-encoding": encoding } });
      expect(res.headers()["content-encoding"], path).toBe(encoding);
      expect(res.headers()["vary"], path).toMatch(/accept-encoding/i);
      expect((await res.body()).equals(await plain.body()), path).toBe(true);
      // Built files come from their .br/.gz made at build time, sent with their length;
      // compressing on the fly streams without one.
      if (path === css || path === "/admin/")
        expect(res.headers()["content-length"], path).toBeDefined();
    }
  }
});

test("pages, open data and feeds answer 304 to a conditional request", async ({ request }) => {
  for (const path of ["/agencies/lamphun/2568/O28", "/open-data/agencies.csv", "/feed.xml"]) {
    const first = await request.get(path);
    const etag = first.headers()["etag"];
    expect(etag, path).toBeTruthy();
    expect(first.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const again = await request.get(path, { headers: { "if-none-match": etag! } });
    expect(again.status(), path).toBe(304);
  }
});

test("public pages ship no JavaScript and make no third-party requests", async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(`${baseURL}/`) && !r.url().startsWith("data:")) foreign.push(r.url());
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  for (const path of ["/", "/agencies/lamphun", "/agencies/lamphun/2568/O28", "/search?q=ทุจริต"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("script").count(), path).toBe(0);
  }
  expect(foreign).toEqual([]);
  expect(scripts).toEqual([]);
});

test("the layout works at 360 px without horizontal scrolling, and keyboard users get a skip link", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/agencies/lamphun", "/agencies/lamphun/2568/O28", "/search?q=ทุจริต"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "ข้ามไปยังเนื้อหาหลัก" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("agency, item, search and province pages describe themselves in the page's language", async ({
  page,
}) => {
  const description = page.locator('meta[name="description"]');
  // The language choice sticks (a cookie), so every case names its language.
  const cases: Array<[string, RegExp]> = [
    ["/agencies/lamphun?lang=th", /^ข้อมูลสาธารณะที่.+เปิดเผยตามเกณฑ์การประเมิน ITA ปีงบประมาณ \d{4}/],
    [
      "/agencies/lamphun?lang=en",
      /^What .+ discloses to the public under the ITA in fiscal year \d{4}/,
    ],
    ["/agencies/lamphun/2568/O28?lang=th", /^O28 .+: ข้อมูลที่.+ปีงบประมาณ 2568$/],
    [
      "/agencies/lamphun/2568/O28?lang=en",
      /^O28 .+: what .+ discloses under the ITA in fiscal year 2568\.$/,
    ],
    ["/search?q=ทุจริต&lang=th", /^ค้นหาข้อมูลที่หน่วยงานภาครัฐเปิดเผย/],
    ["/search?lang=en", /^Search what Thai public agencies disclose/],
    ["/provinces/lamphun?lang=th", /^รายชื่อหน่วยงานในจังหวัดลำพูน \d+ แห่ง/],
  ];
  for (const [path, expected] of cases) {
    await page.goto(path);
    await expect(description, path).toHaveAttribute("content", expected);
  }
});

test("a 2,000-character search in the URL gets the Thai message; a longer URL the Thai page", async ({
  page,
  request,
}) => {
  await page.goto("/search");
  await expect(page.getByRole("searchbox", { name: "ค้นหา" }).first()).toHaveAttribute(
    "maxlength",
    "200",
  );
  const long = await page.goto(`/search?q=${encodeURIComponent("ก".repeat(2000))}`);
  expect(long?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(/คำค้นหายาวเกินไป/);

  const tooLong = await request.get(`/search?q=${encodeURIComponent("ก".repeat(10_000))}`);
  expect(tooLong.status()).toBe(431);
  expect(await tooLong.text()).toContain("ที่อยู่เว็บยาวเกินไป");
});
