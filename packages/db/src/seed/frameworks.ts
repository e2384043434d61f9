import { BUILT_IN_FRAMEWORKS, type FrameworkDefinition } from "@ita/domain/frameworks";
import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { frameworkItems, frameworks } from "../schema/index.ts";

/** Inserts a framework and its items once (by key); returns its id. */
export async function upsertFramework(db: Executor, def: FrameworkDefinition): Promise<string> {
  const existing = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(eq(frameworks.key, def.key));
  if (existing[0]) return existing[0].id;
  const [row] = await db
    .insert(frameworks)
    .values({
      key: def.key,
      fiscalYear: def.fiscalYear,
      agencyTypes: [...def.agencyTypes],
      titleTh: def.titleTh,
      titleEn: def.titleEn,
      gradingScheme: def.gradingScheme,
      reviewRounds: def.reviewRounds.map((r) => ({ ...r })),
    })
    .returning({ id: frameworks.id });
  const frameworkId = row!.id;
  await db.insert(frameworkItems).values(
    def.items.map((item) => ({
      frameworkId,
      code: item.code,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      categories: [...item.categories],
      indicator: item.indicator,
      reviewRound: item.reviewRound,
      sortOrder: item.sortOrder,
    })),
  );
  return frameworkId;
}

/** Reference data every install needs (production too): the frameworks shipped as data. */
export async function seedReferenceData(db: Executor): Promise<void> {
  for (const def of BUILT_IN_FRAMEWORKS) await upsertFramework(db, def);
}
