import type { Executor } from "@ita/db";
import { frameworkItems, frameworks } from "@ita/db/schema";
import { selectFramework } from "@ita/domain/frameworks";
import { asc, isNull } from "drizzle-orm";
import { cachedPerDatabase } from "../public/db-cache.ts";
import type { FrameworkItemRow, resolveFramework } from "./resolve-framework.ts";

/**
 * Frameworks are reference data, seeded at install and changed by system administrators
 * now and then, yet public pages read them on every view. Public pages may see a
 * changed framework a minute late (ADR 0008).
 */
export const FRAMEWORK_CACHE_TTL_MS = 60_000;

/** All frameworks and their items by framework id, cached (public pages only). */
export const frameworkReferenceData = cachedPerDatabase(
  FRAMEWORK_CACHE_TTL_MS,
  async (db: Executor) => {
    const [all, items] = await Promise.all([
      db.select().from(frameworks).where(isNull(frameworks.supersededAt)),
      db.select().from(frameworkItems).orderBy(asc(frameworkItems.sortOrder)),
    ]);
    const itemsOf = new Map<string, FrameworkItemRow[]>();
    for (const item of items) {
      const list = itemsOf.get(item.frameworkId) ?? [];
      list.push(item);
      itemsOf.set(item.frameworkId, list);
    }
    return { all, itemsOf };
  },
);

/** `resolveFramework` for public pages, from the in-process cache of reference data. */
export async function resolveFrameworkCached(
  db: Executor,
  fiscalYear: number,
  agencyType: string,
): ReturnType<typeof resolveFramework> {
  const { all, itemsOf } = await frameworkReferenceData(db);
  const chosen = selectFramework(all, fiscalYear, agencyType);
  return chosen ? { ...chosen, items: itemsOf.get(chosen.framework.id) ?? [] } : null;
}
