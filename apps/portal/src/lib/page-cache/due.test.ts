import { queryRows } from "@ita/db";
import type { PublicChange } from "@ita/db/public-changes";
import { createAgency, createPublicEntry, describeEachDriver } from "@ita/db/testing";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { watchScheduledMoments } from "./due.ts";

describeEachDriver("scheduled moments", (use) => {
  it("reports an agency when an entry approved for later becomes public by the clock", async () => {
    const { db } = use();
    const agency = await createAgency(db);
    const [province] = await queryRows<{ slug: string }>(
      db,
      sql`select slug from provinces where id = ${agency.provinceId}`,
    );
    const seen: PublicChange[] = [];
    const watcher = watchScheduledMoments(db, (change) => seen.push(change));
    await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O1",
      publishedAt: new Date(Date.now() + 1500),
    });
    await watcher.rearm();
    expect(seen).toEqual([]);
    await expect
      .poll(() => seen, { timeout: 5000, interval: 100 })
      .toContainEqual({ kind: "agency", agency: agency.slug, province: province!.slug });
    watcher.stop();
  });
});
