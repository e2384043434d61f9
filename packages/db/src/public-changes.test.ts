import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "./client.ts";
import {
  listenPublicChanges,
  parsePublicChange,
  PRIVATE_TABLES,
  PUBLIC_TABLES,
  type PublicChange,
  type PublicChangeListener,
} from "./public-changes.ts";
import { agencies, disclosureEntries, frameworks, users } from "./schema/index.ts";
import { createAgency, createPublicEntry, createUser } from "./testing/factories.ts";
import { describeEachDriver } from "./testing/index.ts";

it("reads the three payload shapes and treats anything else as the widest change", () => {
  expect(parsePublicChange("agency a-1 p-2")).toEqual({
    kind: "agency",
    agency: "a-1",
    province: "p-2",
  });
  expect(parsePublicChange("sync t")).toEqual({ kind: "sync", token: "t" });
  expect(parsePublicChange("*")).toEqual({ kind: "everything" });
  expect(parsePublicChange("agency only-one")).toEqual({ kind: "everything" });
});

describeEachDriver("public-change notifications", (use) => {
  let listener: PublicChangeListener;
  let seen: PublicChange[] = [];
  /** What arrived for the statements run since the last call (after they committed). */
  const drain = async () => {
    await listener.settle();
    const got = seen;
    seen = [];
    return got;
  };

  beforeAll(async () => {
    listener = await listenPublicChanges(use(), (change) => seen.push(change));
  });
  afterAll(() => listener.close());

  it("classifies every table of the schema, and every public one has its triggers", async () => {
    const { db } = use();
    const tables = await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const known = [...Object.keys(PUBLIC_TABLES), ...PRIVATE_TABLES].sort();
    // A new table must be put in PUBLIC_TABLES (with triggers, in a migration) or
    // PRIVATE_TABLES: otherwise cached public pages could miss its changes.
    expect(tables.map((t) => t.name)).toEqual(known);
    const triggers = await queryRows<{ name: string }>(
      db,
      sql`select tgname as name from pg_trigger where not tgisinternal
          and tgfoid = 'ita_public_change_notify'::regproc`,
    );
    const names = new Set(triggers.map((t) => t.name));
    for (const table of Object.keys(PUBLIC_TABLES))
      for (const op of ["insert", "update", "delete"])
        expect(names, `${table} ${op}`).toContain(`${table}_public_change_${op}`);
  });

  it("names the agency and its province once per change, only after commit", async () => {
    const { db } = use();
    const agency = await createAgency(db);
    const province = (
      await queryRows<{ slug: string }>(
        db,
        sql`select slug from provinces where id = ${agency.provinceId}`,
      )
    )[0]!.slug;
    await drain();

    const entry = await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O1",
    });
    expect(await drain()).toContainEqual({ kind: "agency", agency: agency.slug, province });

    await db
      .update(disclosureEntries)
      .set({ withdrawnAt: new Date() })
      .where(eq(disclosureEntries.id, entry.entryId));
    expect(await drain()).toEqual([{ kind: "agency", agency: agency.slug, province }]);

    // Rolled back: nothing was published, nothing is said.
    await db
      .transaction(async (tx) => {
        await tx.update(agencies).set({ nameEn: "Changed" }).where(eq(agencies.id, agency.id));
        tx.rollback();
      })
      .catch(() => {});
    expect(await drain()).toEqual([]);
  });

  it("says both the old and the new address when an agency's slug changes", async () => {
    const { db } = use();
    const agency = await createAgency(db);
    await drain();
    await db
      .update(agencies)
      .set({ slug: `${agency.slug}-new` })
      .where(eq(agencies.id, agency.id));
    const slugs = (await drain()).map((c) => (c.kind === "agency" ? c.agency : c.kind));
    expect(slugs.sort()).toEqual([agency.slug, `${agency.slug}-new`]);
  });

  it("reference data changes everything; private tables change nothing", async () => {
    const { db } = use();
    await drain();
    await db.update(frameworks).set({ titleEn: sql`title_en` });
    expect(await drain()).toEqual([{ kind: "everything" }]);
    const user = await createUser(db);
    await db.update(users).set({ displayName: "x" }).where(eq(users.id, user.id));
    expect(await drain()).toEqual([]);
  });
});
