/**
 * bench/oversight: the province's readiness matrix at 1,000 agencies × 43 items — the
 * one set-based facts query alone, and the whole matrix (query, framework, readiness
 * arithmetic, sorting over all agencies) as the coordinator's page asks for it — one page
 * of 50 agencies, and the size of what is sent; p50/p95 over repeated runs, on embedded
 * PGlite (in memory).
 *
 *   pnpm --filter @ita/bench bench:oversight [agencies=1000] [runs=20]
 */
import { getReadiness, readinessFacts } from "@ita/api/oversight";
import { createDatabase } from "@ita/db";
import { migrateDatabase } from "@ita/db/migrate";
import {
  agencies,
  disclosureEntries,
  disclosureVersions,
  districts,
  itemReviews,
  provinceReviewRounds,
  provinces,
} from "@ita/db/schema";
import { seedReferenceData } from "@ita/db/seed";
import { ITA_2566 } from "@ita/domain/frameworks";

const agencyCount = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 20);
const FY = 2568;
const now = new Date("2025-03-15T03:00:00Z");

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function chunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

const handle = await createDatabase({ driver: "pglite", dataDir: "memory://" });
const { db } = handle;
try {
  const t0 = performance.now();
  await migrateDatabase(handle);
  await seedReferenceData(db);
  const [province] = await db
    .insert(provinces)
    .values({ slug: "bench-province", nameTh: "จังหวัดทดสอบ", nameEn: "Bench province" })
    .returning();
  const districtRows = await db
    .insert(districts)
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        provinceId: province!.id,
        slug: `bench-district-${i}`,
        nameTh: `อำเภอทดสอบ ${i}`,
        nameEn: `District ${i}`,
      })),
    )
    .returning();
  const agencyRows: { id: string }[] = [];
  await chunked(
    Array.from({ length: agencyCount }, (_, i) => ({
      slug: `bench-agency-${i}`,
      nameTh: `องค์การบริหารส่วนตำบลทดสอบ ${i}`,
      type: "sao",
      provinceId: province!.id,
      districtId: districtRows[i % districtRows.length]!.id,
    })),
    async (chunk) =>
      agencyRows.push(...(await db.insert(agencies).values(chunk).returning({ id: agencies.id }))),
  );
  const codes = ITA_2566.items.map((i) => i.code);
  const [round] = await db
    .insert(provinceReviewRounds)
    .values({
      provinceId: province!.id,
      fiscalYear: FY,
      number: 1,
      titleTh: "ครั้งที่ 1",
      deadline: "2025-01-31",
      itemCodes: codes.slice(0, 14),
    })
    .returning();
  // About 70 % of items published, a third of those reviewed (every tenth needing a fix).
  const entries: (typeof disclosureEntries.$inferInsert)[] = [];
  const versions: (typeof disclosureVersions.$inferInsert)[] = [];
  const reviews: (typeof itemReviews.$inferInsert)[] = [];
  let n = 0;
  for (const a of agencyRows)
    for (const code of codes) {
      if (++n % 10 < 3) continue;
      const entryId = crypto.randomUUID();
      const versionId = crypto.randomUUID();
      const publishedAt = new Date("2024-12-01T03:00:00Z");
      entries.push({
        id: entryId,
        agencyId: a.id,
        fiscalYear: FY,
        itemCode: code,
        state: "published",
        currentVersionId: versionId,
        publishedVersionId: versionId,
        publishedAt,
      });
      versions.push({ id: versionId, entryId, versionNo: 1, title: `${code} ทดสอบ` });
      if (n % 3 === 0 && codes.indexOf(code) < 14)
        reviews.push({
          roundId: round!.id,
          agencyId: a.id,
          itemCode: code,
          verdict: n % 10 === 9 ? "needs-fix" : "ok",
          comment: n % 10 === 9 ? "โปรดแนบไฟล์" : null,
          versionIds: [versionId],
        });
    }
  await chunked(entries, (c) => db.insert(disclosureEntries).values(c));
  await chunked(versions, (c) => db.insert(disclosureVersions).values(c));
  await chunked(reviews, (c) => db.insert(itemReviews).values(c));
  await handle.pglite!.exec("analyze");
  console.log(
    `built ${agencyCount} agencies × ${codes.length} items: ${entries.length} public entries, ` +
      `${reviews.length} reviews in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const ctx = {
    db,
    now: () => now,
    province: { id: province!.id, slug: "bench-province", nameTh: "ทดสอบ", nameEn: "Bench" },
  } as never;
  const measure = async (label: string, fn: () => Promise<unknown>) => {
    await fn(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label}: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (${runs} runs)`,
    );
  };
  await measure("facts query (one SQL)", () =>
    readinessFacts(db, { provinceId: province!.id, fiscalYear: FY, now }),
  );
  await measure("matrix, whole year, first page of 50", () =>
    getReadiness({ ctx, input: { fiscalYear: FY } }),
  );
  await measure("matrix, whole year, last page", () =>
    getReadiness({ ctx, input: { fiscalYear: FY, page: 1_000 } }),
  );
  await measure("matrix, one round, first page of 50", () =>
    getReadiness({ ctx, input: { fiscalYear: FY, roundId: round!.id } }),
  );
  // What the page receives: one page against every agency at once (the largest page size).
  const kb = async (input: Parameters<typeof getReadiness>[0]["input"]) =>
    (JSON.stringify(await getReadiness({ ctx, input })).length / 1024).toFixed(0);
  console.log(
    `sent: page of 50 ${await kb({ fiscalYear: FY })} KB, page of 200 ${await kb({ fiscalYear: FY, pageSize: 200 })} KB`,
  );
} finally {
  await handle.close();
}
