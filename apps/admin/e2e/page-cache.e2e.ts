import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { demoAccount, parseDemoPassword } from "@ita/playwright-config/accounts";
import {
  scratchPostgresDatabase,
  startPortalServer,
  stopPortalServer,
} from "@ita/playwright-config/portal-server";
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { signIn, signOut, trpcMutate, trpcMutation, trpcQuery } from "./helpers.ts";

// The rendered-page cache (docs/adr/0018-rendered-page-cache.md): a page kept before a change shows the change
// right after it, for each kind of change, and nothing personal is ever kept. The same suite
// runs twice: on the suite's server (embedded PGlite, changes heard in the process) and on a
// server of its own on PostgreSQL (changes heard through LISTEN/NOTIFY).
const FY = currentFiscalYear();
const ITEM = "O14";
const MARK = `cachecheck${Date.now().toString(36)}`;
const TITLE = `คู่มือการปฏิบัติงาน ${MARK}`;
/** The item next year's framework drops (an item no other test of the suite publishes under). */
const DROPPED = "O16";

/** Everything an agency's change may alter, as an anonymous visitor opens it. */
const PUBLIC_PAGES = [
  "/agencies/lamphun",
  `/agencies/lamphun?fy=${FY}`,
  `/agencies/lamphun/${FY}/${ITEM}`,
  "/",
  `/search?q=${MARK}`,
  "/feed.xml",
  "/agencies/lamphun/feed.xml",
  "/open-data/agencies/lamphun/disclosures.json",
];

let visitor: APIRequestContext;

/** A demo account of the server under test, by e-mail (each server generated its own passwords). */
type Accounts = (email: string) => { email: string; password: string };
let account: Accounts;

async function get(path: string) {
  const res = await visitor.get(path, { headers: { "accept-encoding": "br, gzip" } });
  expect(res.status(), path).toBe(200);
  return { status: res.headers()["cache-status"] ?? "", text: await res.text() };
}

/** The agency page's completeness: items published of those the year requires. */
function completeness(text: string) {
  const match = /data-testid="completeness">เผยแพร่แล้ว (\d+) จาก (\d+) ข้อ</.exec(text);
  expect(match, "the completeness line").not.toBeNull();
  return { published: Number(match![1]), required: Number(match![2]) };
}

/** How a page shows the new entry: search results mark the words found, so by its link. */
const shows = (path: string, text: string) =>
  path.startsWith("/search")
    ? text.includes(`href="/agencies/lamphun/${FY}/${ITEM}#`)
    : text.includes(TITLE);

/**
 * Opens each page until it comes from the cache (a miss is stored once compressed, just
 * after it was sent), and checks the kept page does not show `mark` yet.
 */
async function warm(paths: string[], mark: string) {
  for (const path of paths) {
    await expect
      .poll(async () => (await get(path)).status, { message: path })
      .toBe("ita-portal; hit");
    expect((await get(path)).text, path).not.toContain(mark);
  }
}

async function agencyId(page: Page) {
  return (await trpcQuery<{ id: string }>(page, "agency.bySlug", { slug: "lamphun" })).id;
}

async function draftAndSubmit(page: Page, title: string, itemCode: string, fiscalYear = FY) {
  await signIn(page, account("editor@example.go.th"));
  const { id: entryId } = await trpcMutate<{ id: string }>(page, "entries.create", {
    agencyId: await agencyId(page),
    fiscalYear,
    itemCode,
    title,
  });
  await trpcMutate(page, "entries.submit", { entryId });
  await signOut(page);
  return entryId;
}

/**
 * The current version of next fiscal year's framework for the demo agency's type, copied
 * from this year's when there is none yet: a framework of the suite's own, which no other
 * spec reads (a framework governs its year and the later ones, and the portal answers up
 * to next year). Signed in as a system administrator.
 */
async function nextYearFramework(page: Page) {
  type Listed = { id: string; fiscalYear: number; supersededAt: string | null };
  const listed = await trpcQuery<Listed[]>(page, "framework.manage", { agencyType: "province" });
  const current = listed.filter((f) => f.supersededAt === null);
  // A retried run (or the suite's second test on it) finds the copy made before.
  const copied = current.find((f) => f.fiscalYear === FY + 1)?.id;
  if (copied) return copied;
  const governing = current
    .filter((f) => f.fiscalYear <= FY)
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0]!;
  return (
    await trpcMutate<{ frameworkId: string }>(page, "framework.copy", {
      frameworkId: governing.id,
      fiscalYear: FY + 1,
    })
  ).frameworkId;
}

/**
 * Every kind of change, against the server at the test's `baseURL`, whose demo accounts
 * `accounts()` gives once it is running.
 */
function invalidationSuite(accounts: () => Accounts) {
  let entryId = "";

  test.beforeAll(async ({ baseURL }) => {
    visitor = await request.newContext({ baseURL });
    account = accounts();
  });
  test.afterAll(() => visitor?.dispose());

  test("a second visit is a hit with the same bytes; 304, HEAD and every encoding work", async () => {
    const first = await visitor.get("/agencies/lamphun", { headers: { "accept-encoding": "br" } });
    await warm(["/agencies/lamphun"], MARK);
    const second = await visitor.get("/agencies/lamphun", { headers: { "accept-encoding": "br" } });
    expect(second.headers()["cache-status"]).toBe("ita-portal; hit");
    expect(second.headers()["content-encoding"]).toBe("br");
    expect(second.headers()["vary"]).toMatch(/Accept-Encoding/);
    expect(await second.text()).toBe(await first.text());
    const etag = second.headers()["etag"]!;
    const gzip = await visitor.get("/agencies/lamphun", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers()["content-encoding"]).toBe("gzip");
    expect(await gzip.text()).toBe(await first.text());
    const plain = await visitor.get("/agencies/lamphun", {
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expect(await plain.text()).toBe(await first.text());
    const revalidated = await visitor.get("/agencies/lamphun", {
      headers: { "if-none-match": etag },
    });
    expect(revalidated.status()).toBe(304);
    const head = await visitor.head("/agencies/lamphun");
    expect(head.status()).toBe(200);
    expect(head.headers()["cache-status"]).toBe("ita-portal; hit");
    // English is kept apart from Thai.
    const english = await visitor.get("/agencies/lamphun", { headers: { cookie: "lang=en" } });
    expect(await english.text()).not.toBe(await first.text());
  });

  test("nothing personal is kept: sessions, the language switch, the admin, the API, complaints", async ({
    page,
    baseURL,
  }) => {
    // A visitor of their own: the switch leaves a language cookie behind.
    const switcher = await request.newContext({ baseURL });
    for (let i = 0; i < 2; i++) {
      const switched = await switcher.get("/agencies/lamphun?lang=en");
      expect(switched.headers()["set-cookie"]).toContain("lang=en");
      expect(switched.headers()["cache-status"] ?? "").not.toContain("hit");
      for (const path of ["/admin/", "/api/trpc/auth.me", "/complaints/new"]) {
        const res = await visitor.get(path);
        expect(res.headers()["cache-status"] ?? "", path).not.toContain("hit");
      }
    }
    await switcher.dispose();
    await signIn(page, account("editor@example.go.th"));
    for (let i = 0; i < 2; i++) {
      const res = await page.request.get("/agencies/lamphun");
      expect(res.headers()["cache-status"], "a signed-in visit bypasses the cache").toBeUndefined();
    }
    await signOut(page);
  });

  test("publishing shows at once on the agency, item, home, search, feed and open-data pages", async ({
    page,
  }) => {
    entryId = await draftAndSubmit(page, TITLE, ITEM);
    // The title, not the mark alone: the search page repeats what was searched for.
    await warm(PUBLIC_PAGES, TITLE);
    expect((await get(PUBLIC_PAGES[4]!)).text).not.toContain(`/${FY}/${ITEM}#`);
    await signIn(page, account("approver@example.go.th"));
    await trpcMutate(page, "entries.approve", { entryId });
    for (const path of PUBLIC_PAGES) {
      expect(shows(path, (await get(path)).text), path).toBe(true);
    }
    // Another agency's page was not thrown away.
    await signOut(page);
  });

  test("withdrawing shows at once: the item page says so, the agency page no longer lists it", async ({
    page,
  }) => {
    await warm([`/agencies/lamphun/${FY}/${ITEM}`, "/agencies/lamphun"], "ทดสอบการถอน");
    await signIn(page, account("approver@example.go.th"));
    const reason = `ทดสอบการถอน ${MARK}`;
    await trpcMutate(page, "entries.unpublish", { entryId, reason });
    expect((await get(`/agencies/lamphun/${FY}/${ITEM}`)).text).toContain(reason);
    expect((await get("/agencies/lamphun")).text).not.toContain(TITLE);
    await signOut(page);
  });

  test("an agency's profile edit shows at once on its page", async ({ page }) => {
    const address = `ที่อยู่ใหม่ ${MARK}`;
    await warm(["/agencies/lamphun"], address);
    await signIn(page, account("agency-admin@example.go.th"));
    const id = await agencyId(page);
    const profile = await trpcQuery<Record<string, unknown>>(page, "agencyAdmin.profile", {
      agencyId: id,
    });
    const saved = await trpcMutation(page, "agencyAdmin.updateProfile", {
      ...profile,
      agencyId: id,
      address,
    });
    expect(saved.status).toBe(200);
    expect((await get("/agencies/lamphun")).text).toContain(address);
    await signOut(page);
  });

  test("an ITA result recorded shows at once on the agency page and in open data", async ({
    page,
  }) => {
    // A year no other spec reads, with a total found nowhere else on these pages.
    const year = 2563;
    const total = "61.37";
    const pages = ["/agencies/lamphun", `/open-data/results.json?fy=${year}`];
    await warm(pages, total);
    await signIn(page, account("coordinator@example.go.th"));
    await trpcMutate(page, "results.record", {
      agencyId: await agencyId(page),
      fiscalYear: year,
      total: Number(total),
      grade: "D",
    });
    for (const path of pages) expect((await get(path)).text, path).toContain(total);
    await signOut(page);
  });

  test("a framework edit shows at once: the year's item page and agency page name the item anew", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // A framework of its own: next fiscal year's.
    const year = FY + 1;
    const pages = [`/agencies/lamphun/${year}/${ITEM}`, `/agencies/lamphun?fy=${year}`];
    await signIn(page, account("admin@example.go.th"));
    const frameworkId = await nextYearFramework(page);
    await signOut(page);
    // An entry published under it: the framework is in use, so the edit makes version n+1.
    const entryTitle = `คู่มือการปฏิบัติงานตามเกณฑ์ใหม่ ${MARK}`;
    const entry = await draftAndSubmit(page, entryTitle, ITEM, year);
    await signIn(page, account("approver@example.go.th"));
    await trpcMutate(page, "entries.approve", { entryId: entry });
    await signOut(page);
    // Not containing the old title, so the old title seen after the edit is the entry's.
    const renamed = `ชื่อข้อที่ปรับปรุง ${MARK}`;
    for (const path of pages) expect((await get(path)).text, path).toContain(entryTitle);
    await warm(pages, renamed);

    await signIn(page, account("admin@example.go.th"));
    type Item = Record<string, unknown> & { code: string; titleTh: string };
    const { items } = await trpcQuery<{ items: Item[] }>(page, "framework.get", { frameworkId });
    const item = items.find((i) => i.code === ITEM)!;
    const saved = await trpcMutate<{ version: number; versioned: boolean }>(
      page,
      "framework.saveItem",
      {
        frameworkId,
        originalCode: ITEM,
        item: { ...item, titleTh: renamed },
      },
    );
    await signOut(page);
    // The year's list follows the governing (new) version; the entry keeps its own
    // version's wording (ADR 0022, amended), named beside it on the item page.
    for (const path of pages) expect((await get(path)).text, path).toContain(renamed);
    const itemPage = (await get(pages[0]!)).text;
    expect(saved.versioned, "the edit of a framework in use makes a new version").toBe(true);
    expect(itemPage).toContain(entryTitle);
    expect(itemPage).toContain(`${saved.version - 1}: ${ITEM} ${item.titleTh}`);
  });

  test("a framework item dropped shows at once: its published entry is listed apart, with the version that had it, outside the year's count", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const year = FY + 1;
    const path = `/agencies/lamphun?fy=${year}`;
    // The agency page's section of items only an earlier version of the year's criteria had.
    const SECTION = 'data-testid="earlier-items"';
    await signIn(page, account("admin@example.go.th"));
    const frameworkId = await nextYearFramework(page);
    type Item = { code: string; titleTh: string };
    const { items } = await trpcQuery<{ items: Item[] }>(page, "framework.get", { frameworkId });
    const item = items.find((i) => i.code === DROPPED)!;
    expect(item, `${DROPPED} in next year's framework`).toBeDefined();
    await signOut(page);
    // An entry published under the item, then the item dropped from the year's criteria.
    const entryTitle = `ข้อมูลตามเกณฑ์ฉบับก่อน ${MARK}`;
    const entry = await draftAndSubmit(page, entryTitle, DROPPED, year);
    await signIn(page, account("approver@example.go.th"));
    await trpcMutate(page, "entries.approve", { entryId: entry });
    await signOut(page);
    const published = (await get(path)).text;
    expect(published).toContain(entryTitle);
    const before = completeness(published);
    await warm([path], SECTION);

    await signIn(page, account("admin@example.go.th"));
    const removed = await trpcMutate<{ version: number; versioned: boolean }>(
      page,
      "framework.removeItem",
      { frameworkId, code: DROPPED },
    );
    await signOut(page);
    expect(removed.versioned, "the edit of a framework in use makes a new version").toBe(true);
    const text = (await get(path)).text;
    const start = text.indexOf(SECTION);
    expect(start, "the earlier-version section is on the page").toBeGreaterThan(-1);
    const section = text.slice(start, text.indexOf("</section>", start));
    expect(section).toContain("ข้อมูลที่เผยแพร่ตามเกณฑ์ฉบับก่อนหน้าของปีนี้");
    expect(section).toContain(`<strong>${DROPPED}</strong> ${item.titleTh}`);
    expect(section).toContain(entryTitle);
    // The note names the version the entry was made under: the one before the removal's.
    expect(section).toContain(`เกณฑ์ฉบับที่ ${removed.version - 1} (ฉบับปัจจุบันไม่มีข้อนี้แล้ว)`);
    // No longer a required item of the year: one fewer required, one fewer published.
    expect(completeness(text)).toEqual({
      published: before.published - 1,
      required: before.required - 1,
    });
  });

  test("an entry approved for a later moment appears at that moment, not before", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const mark = `${MARK}later`;
    const later = await draftAndSubmit(page, `คู่มือการให้บริการ ${mark}`, "O15");
    await signIn(page, account("approver@example.go.th"));
    const at = new Date(Date.now() + 8_000);
    const approved = await trpcMutation(page, "entries.approve", {
      entryId: later,
      publishAt: at.toISOString(),
    });
    expect(approved.status).toBe(200);
    await warm(["/agencies/lamphun"], mark);
    await expect
      .poll(async () => (await get("/agencies/lamphun")).text.includes(mark), {
        timeout: 20_000,
        intervals: [250],
      })
      .toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    await signOut(page);
  });
}

const SUITE = "public pages are cached and change when their content does";

test.describe.serial(`${SUITE} (PGlite)`, () => {
  invalidationSuite(() => (email) => demoAccount("admin", email));
});

// eslint-disable-next-line no-restricted-syntax -- test harness settings
const postgresPort = 4419 + Number(process.env.E2E_PORT_OFFSET ?? 0);

test.describe.serial(`${SUITE} (PostgreSQL)`, () => {
  let database: { url: string; drop(): void } | null = null;
  let server: ChildProcess | null = null;
  let printed = "";
  test.use({ baseURL: `http://localhost:${postgresPort}` });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await scratchPostgresDatabase("ita_page_cache");
    test.skip(!database, "no PostgreSQL server at 127.0.0.1:5432");
    // The first start migrates and seeds the demo; its sign-ins are printed on PostgreSQL.
    server = await startPortalServer(
      postgresPort,
      { DATABASE_URL: database!.url, PORTAL_PROCESSES: "1" },
      { onOutput: (text) => (printed += text) },
    );
  });
  test.afterAll(async () => {
    if (server) await stopPortalServer(server);
    database?.drop();
  });

  invalidationSuite(() => (email) => ({ email, password: parseDemoPassword(printed, email) }));
});
