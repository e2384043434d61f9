import { rebuildSearchDocuments } from "@ita/db/search";
import { createAgency, describeEachDriver } from "@ita/db/testing";
import {
  SEARCH_MAX_PAGE,
  SEARCH_MAX_RESULTS,
  SEARCH_MAX_TERMS,
  SEARCH_PAGE_SIZE,
} from "@ita/domain/schemas";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../authz/test-world.ts";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";
import { searchDisclosures } from "./search-disclosures.ts";
import { driverOf, SEARCH_LIMITS, searchLimits } from "./search-limiter.ts";
import { searchTerms } from "./search-terms.ts";

const NOW = new Date("2026-11-22T03:00:00Z");
/** More public entries than search may page through, all matching one word. */
const MATCHING = SEARCH_MAX_RESULTS + 30;

describeEachDriver("search bounds for the embedded server", (use) => {
  let slug = "";
  beforeAll(async () => {
    const { db } = use();
    const agency = await createAgency(db);
    slug = agency.slug;
    await db.execute(sql`
      insert into disclosure_entries (agency_id, fiscal_year, item_code, state, published_at)
      select ${agency.id}, 2570, 'O21', 'published', ${NOW.toISOString()}::timestamptz - g * interval '1 minute'
      from generate_series(1, ${MATCHING}) g`);
    await db.execute(sql`
      insert into disclosure_versions (entry_id, version_no, title)
      select id, 1, 'รายงานความคืบหน้าโครงการ ' || id from disclosure_entries where agency_id = ${agency.id}`);
    await db.execute(sql`
      update disclosure_entries e set published_version_id = v.id, current_version_id = v.id
      from disclosure_versions v where v.entry_id = e.id and e.agency_id = ${agency.id}`);
    await rebuildSearchDocuments(db);
  }, 60_000);

  const caller = async () => createCaller(await createContext({ db: use().db, now: () => NOW }));

  it(`uses at most ${SEARCH_MAX_TERMS} words of a long query, and says so`, async () => {
    const q = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo";
    expect(searchTerms(q)).toHaveLength(SEARCH_MAX_TERMS);
    const result = await (await caller()).public.search({ q, agency: slug });
    expect(result.terms.length).toBeLessThanOrEqual(SEARCH_MAX_TERMS);
    expect(result.tooManyTerms).toBe(true);
    const short = await (await caller()).public.search({ q: "ความคืบหน้า", agency: slug });
    expect(short.tooManyTerms).toBe(false);
  });

  it(`pages through the first ${SEARCH_MAX_RESULTS} results only, and says there are more`, async () => {
    const c = await caller();
    const search = (page: number) => c.public.search({ q: "ความคืบหน้า", agency: slug, page });
    const before = await search(SEARCH_MAX_PAGE - 1);
    expect(before).toMatchObject({ hasNextPage: true, beyondLastPage: false });
    const last = await search(SEARCH_MAX_PAGE);
    expect(last.results).toHaveLength(SEARCH_PAGE_SIZE);
    expect(last).toMatchObject({ hasNextPage: false, beyondLastPage: true });
    expect(await search(SEARCH_MAX_PAGE + 1).then(() => "ok", errorCode)).toBe("BAD_REQUEST");
  });

  it("runs a few searches at once, lets a few wait, and refuses the next with SEARCH_BUSY", async () => {
    const c = await caller();
    // The limits of this test's driver: PostgreSQL takes more at once than PGlite.
    const handle = use();
    expect(driverOf(handle.db)).toBe(handle.driver);
    const { running, waiting } = SEARCH_LIMITS[handle.driver];
    const capacity = running + waiting;
    const outcomes = await Promise.all(
      Array.from({ length: capacity + 2 }, () =>
        c.public.search({ q: "ความคืบหน้า", agency: slug }).then(() => "ok", errorCode),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(capacity);
    expect(outcomes.filter((o) => o !== "ok")).toEqual(["SEARCH_BUSY", "SEARCH_BUSY"]);
    // The queue drains: the next search runs.
    expect((await c.public.search({ q: "ความคืบหน้า", agency: slug })).results).toHaveLength(
      SEARCH_PAGE_SIZE,
    );
  });

  it("starts no further query once the search's time is up (PGlite cannot cancel one)", async () => {
    const search = searchDisclosures({
      ctx: { db: use().db, now: () => NOW },
      input: { q: "ความคืบหน้า", agency: slug },
      timeoutMs: -1,
    });
    await expect(search).rejects.toMatchObject({ code: "QUERY_TOO_BROAD" });
  });
});

describe("search limits by driver", () => {
  it("lets PostgreSQL run more searches at once than the embedded database", () => {
    const pglite = searchLimits("pglite", {});
    const postgres = searchLimits("postgres", {});
    expect(pglite).toEqual({ running: 2, waiting: 8 });
    expect(postgres.running).toBeGreaterThan(pglite.running);
    // Each running search holds one of its own pool's 10 connections (@ita/db's timedReader).
    expect(postgres.running).toBeLessThan(10);
  });

  it("takes SEARCH_CONCURRENCY for either driver, four times as many waiting", () => {
    expect(searchLimits("postgres", { SEARCH_CONCURRENCY: "3" })).toEqual({
      running: 3,
      waiting: 12,
    });
    expect(searchLimits("pglite", { SEARCH_CONCURRENCY: "1" })).toEqual({ running: 1, waiting: 4 });
    expect(searchLimits("pglite", { SEARCH_CONCURRENCY: "" })).toEqual(SEARCH_LIMITS.pglite);
    expect(() => searchLimits("postgres", { SEARCH_CONCURRENCY: "0" })).toThrow();
  });
});
