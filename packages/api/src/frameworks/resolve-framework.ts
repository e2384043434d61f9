import type { Executor } from "@ita/db";
import { frameworkItems, frameworks } from "@ita/db/schema";
import { selectFramework } from "@ita/domain/frameworks";
import { asc, eq, isNull } from "drizzle-orm";

export type FrameworkRow = typeof frameworks.$inferSelect;
export type FrameworkItemRow = typeof frameworkItems.$inferSelect;

/**
 * The framework governing an agency type in a fiscal year, with its items: that
 * year's own, or the latest earlier one (`inherited`, which the UI must say), in its
 * current version.
 */
export async function resolveFramework(
  db: Executor,
  fiscalYear: number,
  agencyType: string,
): Promise<{ framework: FrameworkRow; inherited: boolean; items: FrameworkItemRow[] } | null> {
  // Only current versions govern (ADR 0022); superseded ones stay for their entries.
  const all = await db.select().from(frameworks).where(isNull(frameworks.supersededAt));
  const chosen = selectFramework(all, fiscalYear, agencyType);
  if (!chosen) return null;
  const items = await db
    .select()
    .from(frameworkItems)
    .where(eq(frameworkItems.frameworkId, chosen.framework.id))
    .orderBy(asc(frameworkItems.sortOrder));
  return { ...chosen, items };
}
