import type { Executor } from "@ita/db";
import { frameworkItems, frameworks } from "@ita/db/schema";
import { selectFramework } from "@ita/domain/frameworks";
import { asc } from "drizzle-orm";
import { cachedPerDatabase } from "../public/db-cache.ts";
import type { ItemsOfVersions } from "./entry-items.ts";
import type { FrameworkItemRow, resolveFramework } from "./resolve-framework.ts";

/**
 * Frameworks are reference data, seeded at install and changed by system administrators
 * now and then, yet public pages read them on every view. Public pages may see a
 * changed framework a minute late (ADR 0008).
 */
export const FRAMEWORK_CACHE_TTL_MS = 60_000;

/**
 * The current frameworks (`all`), every version's items by framework id, and each
 * entry's item as its own version defines it (`ownItem`), cached (public pages only).
 */
export const frameworkReferenceData = cachedPerDatabase(
  FRAMEWORK_CACHE_TTL_MS,
  async (db: Executor) => {
    const [versions, items] = await Promise.all([
      db.select().from(frameworks),
      db.select().from(frameworkItems).orderBy(asc(frameworkItems.sortOrder)),
    ]);
    const itemsOf = new Map<string, FrameworkItemRow[]>();
    for (const item of items) {
      const list = itemsOf.get(item.frameworkId) ?? [];
      list.push(item);
      itemsOf.set(item.frameworkId, list);
    }
    // Only current versions govern; superseded ones stay for the entries made under them.
    const all = versions.filter((f) => f.supersededAt === null);
    const versionOf = new Map(versions.map((f) => [f.id, f]));
    const ownItem: ItemsOfVersions = (frameworkId, code) => {
      const framework = frameworkId ? versionOf.get(frameworkId) : undefined;
      const item = framework && itemsOf.get(framework.id)?.find((i) => i.code === code);
      return item
        ? { ...item, version: framework.version, current: framework.supersededAt === null }
        : null;
    };
    return { all, itemsOf, ownItem };
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
