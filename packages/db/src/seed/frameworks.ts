import { BUILT_IN_FRAMEWORKS, type FrameworkDefinition } from "@ita/domain/frameworks";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { disclosureEntries, frameworkItems, frameworks } from "../schema/index.ts";
import { seedPublicHolidays } from "./holidays.ts";

/**
 * Writes a framework and its items by key, so a corrected definition reaches existing
 * installs at their next start (titles, categories, grading, cadence, evidence). An item dropped
 * from a definition stays: entries may point at it, and retiring one is a decision for a
 * migration, not for a start-up. A key a system administrator has edited (or versioned)
 * in the admin is theirs: start-up leaves it alone (ADR 0022). Returns the id of the
 * key's current version.
 */
export async function upsertFramework(db: Executor, def: FrameworkDefinition): Promise<string> {
  const values = {
    key: def.key,
    fiscalYear: def.fiscalYear,
    agencyTypes: [...def.agencyTypes],
    titleTh: def.titleTh,
    titleEn: def.titleEn,
    gradingScheme: def.gradingScheme,
  };
  const [latest] = await db
    .select({ id: frameworks.id, version: frameworks.version, editedAt: frameworks.editedAt })
    .from(frameworks)
    .where(eq(frameworks.key, def.key))
    .orderBy(desc(frameworks.version))
    .limit(1);
  if (latest && (latest.version > 1 || latest.editedAt !== null)) return latest.id;
  const [row] = latest
    ? await db
        .update(frameworks)
        .set(values)
        .where(and(eq(frameworks.id, latest.id)))
        .returning({ id: frameworks.id })
    : await db.insert(frameworks).values(values).returning({ id: frameworks.id });
  const frameworkId = row!.id;
  await db
    .insert(frameworkItems)
    .values(
      def.items.map((item) => ({
        frameworkId,
        code: item.code,
        titleTh: item.titleTh,
        titleEn: item.titleEn,
        categories: [...item.categories],
        indicator: item.indicator,
        sortOrder: item.sortOrder,
        cadence: item.cadence,
        evidence: [...item.evidence],
        tag: item.tag ?? null,
        guidanceTh: item.guidanceTh ?? "",
        guidanceEn: item.guidanceEn ?? "",
      })),
    )
    .onConflictDoUpdate({
      target: [frameworkItems.frameworkId, frameworkItems.code],
      set: {
        titleTh: sql`excluded.title_th`,
        titleEn: sql`excluded.title_en`,
        categories: sql`excluded.categories`,
        indicator: sql`excluded.indicator`,
        sortOrder: sql`excluded.sort_order`,
        cadence: sql`excluded.cadence`,
        evidence: sql`excluded.evidence`,
        tag: sql`excluded.tag`,
        guidanceTh: sql`excluded.guidance_th`,
        guidanceEn: sql`excluded.guidance_en`,
      },
    });
  return frameworkId;
}

/** Reference data every install needs (production too): the frameworks and the announced holidays. */
export async function seedReferenceData(db: Executor): Promise<void> {
  for (const def of BUILT_IN_FRAMEWORKS) await upsertFramework(db, def);
  await seedPublicHolidays(db);
}

/**
 * Points entries made before frameworks were versioned (or inserted without one, as
 * the demo seed does) at the framework that governed them: the current version of the
 * latest framework of the entry's year or earlier for the agency's type. The migration
 * that added `framework_id` ran the same statement.
 */
export async function assignEntryFrameworks(db: Executor): Promise<void> {
  await db.execute(sql`
    update ${disclosureEntries} e set framework_id = (
      select f.id from ${frameworks} f join agencies a on a.id = e.agency_id
      where f.superseded_at is null and f.fiscal_year <= e.fiscal_year
        and a.type = any(f.agency_types)
      order by f.fiscal_year desc, f.key limit 1)
    where e.framework_id is null`);
}
