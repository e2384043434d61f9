import { BUILT_IN_FRAMEWORKS, type FrameworkDefinition } from "@ita/domain/frameworks";
import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { frameworkItems, frameworks } from "../schema/index.ts";

/**
 * Writes a framework and its items by key, so a corrected definition reaches existing
 * installs at their next start (titles, categories, grading, cadence, evidence). An item dropped
 * from a definition stays: entries may point at it, and retiring one is a decision for a
 * migration, not for a start-up. Returns the framework's id.
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
  const [row] = await db
    .insert(frameworks)
    .values(values)
    .onConflictDoUpdate({ target: frameworks.key, set: values })
    .returning({ id: frameworks.id });
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

/** Reference data every install needs (production too): the frameworks shipped as data. */
export async function seedReferenceData(db: Executor): Promise<void> {
  for (const def of BUILT_IN_FRAMEWORKS) await upsertFramework(db, def);
}
