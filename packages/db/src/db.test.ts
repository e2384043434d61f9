import { count, eq, sql } from "drizzle-orm";
import { ITA_2566 } from "@ita/domain/frameworks";
import { expect, it } from "vitest";
import { queryRows, timedReader } from "./client.ts";
import {
  agencies,
  agencyExecutives,
  auditLog,
  disclosureEntries,
  frameworkItems,
  frameworks,
  provinceReviewRounds,
  integrityMeasureProgress,
  integrityMeasures,
  itaResults,
  provinceResultTargets,
  searchDocuments,
  users,
} from "./schema/index.ts";
import { normaliseSearchText } from "./search/index-entry.ts";
import { createSystemAdmin, hasAnyAgency, seedDemo, upsertFramework } from "./seed/index.ts";
import { describeEachDriver } from "./testing/index.ts";

describeEachDriver("database", (use) => {
  it("starts empty after migrations (no demo data in the schema)", async () => {
    expect(await hasAnyAgency(use().db)).toBe(false);
    const [row] = await use().db.select({ n: count() }).from(users);
    expect(row!.n).toBe(0);
  });

  it("seeds the demo: agencies from the seed documents, the 2566 framework and accounts", async () => {
    const { db } = use();
    const accounts = await db.transaction((tx) => seedDemo(tx, new Date("2026-11-22T00:00:00Z")));
    expect(accounts.map((a) => a.email)).toContain("admin@example.go.th");
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@example.go.th"));
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admin!.passwordHash).not.toContain(accounts[0]!.password);

    const [laoYao] = await db.select().from(agencies).where(eq(agencies.slug, "lao-yao-sao"));
    expect(laoYao!.nameTh).toBe("องค์การบริหารส่วนตำบลเหล่ายาว");

    // Results from the seeds: the 12 failing LAOs of 2565, Lopburi PAO, Lamphun 2567.
    const results = await db
      .select({
        slug: agencies.slug,
        fiscalYear: itaResults.fiscalYear,
        total: itaResults.total,
        grade: itaResults.grade,
        gradingScheme: itaResults.gradingScheme,
        indicators: itaResults.indicators,
      })
      .from(itaResults)
      .innerJoin(agencies, eq(agencies.id, itaResults.agencyId));
    const lamphun = await db
      .select({ id: agencies.id, provinceId: agencies.provinceId })
      .from(agencies)
      .where(eq(agencies.slug, "lamphun"));
    const lamphun2565 = results.filter(
      (r) => r.fiscalYear === 2565 && r.slug !== "lopburi-pao" && r.slug !== "lamphun",
    );
    expect(lamphun2565).toHaveLength(12);
    expect(
      lamphun2565
        .filter((r) => r.grade === "C")
        .map((r) => r.total)
        .sort(),
    ).toEqual([71.69, 73.37, 74.12]);
    expect(results.find((r) => r.slug === "lamphun")).toMatchObject({
      fiscalYear: 2567,
      total: 94.25,
      grade: "good",
      gradingScheme: "five-level-2567",
    });
    const lopburi = results.filter((r) => r.slug === "lopburi-pao");
    expect(lopburi.map((r) => [r.fiscalYear, r.total, r.grade]).sort()).toEqual([
      [2564, 95.52, "AA"],
      [2565, 96.77, "AA"],
    ]);
    expect(lopburi.find((r) => r.fiscalYear === 2565)!.indicators![0]).toBe(97.85);
    const [target] = await db
      .select()
      .from(provinceResultTargets)
      .where(eq(provinceResultTargets.provinceId, lamphun[0]!.provinceId));
    expect(target).toMatchObject({ fiscalYear: 2566, passTarget: 50 });

    // Lamphun's 2568 measures from the seed, one with progress done.
    const measures = await db
      .select()
      .from(integrityMeasures)
      .where(eq(integrityMeasures.agencyId, lamphun[0]!.id))
      .orderBy(integrityMeasures.sortOrder);
    expect(measures.map((m) => [m.fiscalYear, m.code, m.score])).toEqual([
      [2568, "I1", 89.16],
      [2568, "I10", 71.77],
      [2568, "I15", 89.55],
    ]);
    const done = await db
      .select({ status: integrityMeasureProgress.status })
      .from(integrityMeasureProgress)
      .where(eq(integrityMeasureProgress.measureId, measures[1]!.id));
    expect(done).toEqual([{ status: "done" }]);

    // Executives under their full titles.
    const [pao] = await db.select().from(agencies).where(eq(agencies.slug, "lopburi-pao"));
    const titles = await db
      .select({ positionTh: agencyExecutives.positionTh })
      .from(agencyExecutives)
      .where(eq(agencyExecutives.agencyId, pao!.id))
      .orderBy(agencyExecutives.sortOrder);
    expect(titles.map((t) => t.positionTh)).toEqual([
      "นายกองค์การบริหารส่วนจังหวัดลพบุรี",
      "ปลัดองค์การบริหารส่วนจังหวัดลพบุรี",
    ]);
    const [fw] = await db.select().from(frameworks).where(eq(frameworks.key, "ita-2566"));
    const items = await db
      .select()
      .from(frameworkItems)
      .where(eq(frameworkItems.frameworkId, fw!.id));
    expect(items).toHaveLength(43);
    // Nothing is published in the future.
    const future = await db
      .select({ n: count() })
      .from(disclosureEntries)
      .where(sql`${disclosureEntries.publishedAt} > '2026-11-22'`);
    expect(future[0]!.n).toBe(0);
    // Lamphun's review plan of 2566 (14 + 14 + 15 items), a province's data, not the criteria's.
    const rounds = await db
      .select()
      .from(provinceReviewRounds)
      .where(eq(provinceReviewRounds.fiscalYear, 2566))
      .orderBy(provinceReviewRounds.number);
    expect(rounds.map((r) => [r.deadline, r.itemCodes.length])).toEqual([
      ["2023-01-31", 14],
      ["2023-02-28", 14],
      ["2023-04-07", 15],
    ]);
    expect(new Set(rounds.flatMap((r) => r.itemCodes)).size).toBe(43);
  }, 120_000); // the whole demo in one transaction: ~20 s on a loaded 2-core machine

  it("finds Thai words inside unsegmented text through the trigram index", async () => {
    const { db } = use();
    const q = normaliseSearchText("ทุจริต");
    const rows = await db
      .select({ title: searchDocuments.title })
      .from(searchDocuments)
      .where(sql`${searchDocuments.searchText} ilike ${"%" + q + "%"}`)
      .limit(5);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.title.length).toBeGreaterThan(0);
    const none = await db
      .select({ n: count() })
      .from(searchDocuments)
      .where(sql`${searchDocuments.searchText} ilike ${"%ไม่มีคำนี้แน่นอน%"}`);
    expect(none[0]!.n).toBe(0);
  });

  it("refuses an entry state or a role outside the domain's lists", async () => {
    const { db } = use();
    const [entry] = await db.select({ id: disclosureEntries.id }).from(disclosureEntries).limit(1);
    await expect(
      queryRows(db, sql`update disclosure_entries set state = 'archived' where id = ${entry!.id}`),
    ).rejects.toThrow();
    const [user] = await db.select({ id: users.id }).from(users).limit(1);
    await expect(
      queryRows(
        db,
        sql`insert into role_assignments (user_id, role) values (${user!.id}, 'owner')`,
      ),
    ).rejects.toThrow();
  });

  it("brings a corrected framework definition to an existing install, keeping its id", async () => {
    const { db } = use();
    const [before] = await db.select().from(frameworks).where(eq(frameworks.key, ITA_2566.key));
    const corrected = {
      ...ITA_2566,
      titleEn: "ITA 2566 (corrected)",
      items: [
        {
          ...ITA_2566.items[0]!,
          titleEn: "Organisation chart",
          cadence: "quarterly" as const,
          evidence: ["link" as const],
        },
        ...ITA_2566.items.slice(1),
        { ...ITA_2566.items[0]!, code: "O44", titleEn: "A new item", sortOrder: 44 },
      ],
    };
    expect(await upsertFramework(db, corrected)).toBe(before!.id);
    const [after] = await db.select().from(frameworks).where(eq(frameworks.key, ITA_2566.key));
    expect(after!.titleEn).toBe("ITA 2566 (corrected)");
    const items = await db
      .select()
      .from(frameworkItems)
      .where(eq(frameworkItems.frameworkId, before!.id));
    expect(items).toHaveLength(44);
    expect(items.find((i) => i.code === "O1")).toMatchObject({
      titleEn: "Organisation chart",
      cadence: "quarterly",
      evidence: ["link"],
    });
    expect(items.find((i) => i.code === "O21")).toMatchObject({
      cadence: "monthly",
      evidence: ["document"],
    });
    // The database holds cadence and evidence to the domain's lists.
    const o2 = items.find((i) => i.code === "O2")!;
    await expect(
      db
        .update(frameworkItems)
        .set({ cadence: "weekly" as never })
        .where(eq(frameworkItems.id, o2.id)),
    ).rejects.toThrow();
    await expect(
      db.update(frameworkItems).set({ evidence: [] }).where(eq(frameworkItems.id, o2.id)),
    ).rejects.toThrow();
    await expect(
      db
        .update(frameworkItems)
        .set({ evidence: ["photo" as never] })
        .where(eq(frameworkItems.id, o2.id)),
    ).rejects.toThrow();
    await upsertFramework(db, ITA_2566);
  });

  it("keeps the audit log append-only", async () => {
    const { db } = use();
    await db.insert(auditLog).values({ action: "test.append", actorLabel: "test" });
    await expect(db.update(auditLog).set({ action: "tampered" })).rejects.toThrow();
    await expect(db.delete(auditLog)).rejects.toThrow();
    const rows = await queryRows<{ action: string }>(db, sql`select action from audit_log`);
    expect(rows.map((r) => r.action)).toEqual(["test.append"]);
  });

  it("creates the first system administrator of an empty install, once, with a strong generated password", async () => {
    const { db } = use();
    const created = await createSystemAdmin(db, { email: "First.Admin@Agency.example" });
    expect(created.email).toBe("first.admin@agency.example");
    expect(created.password.length).toBeGreaterThanOrEqual(20);
    const [row] = await db
      .select()
      .from(users)
      .where(eq(users.email, "first.admin@agency.example"));
    expect(row!.isSystemAdmin).toBe(true);
    await expect(
      createSystemAdmin(db, { email: "first.admin@agency.example" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createSystemAdmin(db, { email: "not-an-email" })).rejects.toThrow();
  });
});

describeEachDriver("timed reads", (use) => {
  it("PostgreSQL: a read-only pool whose statements are cancelled after the limit; PGlite: none", async () => {
    const { db, driver } = use();
    const timed = timedReader(db, 250);
    if (driver === "pglite") return void expect(timed).toBeNull();
    expect(timed).not.toBeNull();
    const settings = await queryRows<{ timeout: string; readOnly: string }>(
      timed!,
      sql`select current_setting('statement_timeout') as timeout, current_setting('transaction_read_only') as "readOnly"`,
    );
    expect(settings).toEqual([{ timeout: "250ms", readOnly: "on" }]);
    await expect(timed!.execute(sql`select pg_sleep(2)`)).rejects.toMatchObject({
      cause: { code: "57014" },
    });
    await expect(timed!.delete(users)).rejects.toMatchObject({ cause: { code: "25006" } });
    // The same limit reuses its pool; the handle's own connections keep no limit.
    expect(timedReader(db, 250)).toBe(timed);
    const [own] = await queryRows<{ timeout: string }>(
      db,
      sql`select current_setting('statement_timeout') as timeout`,
    );
    expect(own!.timeout).toBe("0");
    await db.transaction(async (tx) => expect(timedReader(tx, 250)).toBeNull());
  });
});
