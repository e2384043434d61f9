import type { Executor } from "@ita/db";
import { frameworkItems, frameworks } from "@ita/db/schema";
import { eq, inArray } from "drizzle-orm";
import type { FrameworkItemRow } from "./resolve-framework.ts";

/** An item as one version of a framework defines it, with that version's number. */
export type VersionedItem = FrameworkItemRow & { version: number; current: boolean };

/** The items of some framework versions, found by version and code. */
export type ItemsOfVersions = (frameworkId: string | null, code: string) => VersionedItem | null;

/**
 * Reads the items of the framework versions that entries were made under (ADR 0022: an
 * entry keeps its `framework_id`, superseded or not), so each entry can be shown with its
 * item's title, categories and expectations as they were when it was made.
 */
export async function itemsOfVersions(
  db: Executor,
  frameworkIds: readonly (string | null)[],
): Promise<ItemsOfVersions> {
  const ids = [...new Set(frameworkIds.filter((id): id is string => id !== null))];
  const rows = ids.length
    ? await db
        .select({
          item: frameworkItems,
          version: frameworks.version,
          supersededAt: frameworks.supersededAt,
        })
        .from(frameworkItems)
        .innerJoin(frameworks, eq(frameworks.id, frameworkItems.frameworkId))
        .where(inArray(frameworkItems.frameworkId, ids))
    : [];
  const byKey = new Map(
    rows.map((r) => [
      `${r.item.frameworkId}\t${r.item.code}`,
      { ...r.item, version: r.version, current: r.supersededAt === null },
    ]),
  );
  return (frameworkId, code) =>
    frameworkId ? (byKey.get(`${frameworkId}\t${code}`) ?? null) : null;
}

/**
 * What to say of an entry whose own version defines its item differently from the item a
 * page is headed with: that version's number and title; null when they read the same.
 */
export function earlierCriteria(
  own: VersionedItem | null,
  shown: { titleTh: string; titleEn: string } | null,
) {
  if (!own || own.current) return null;
  if (shown && own.titleTh === shown.titleTh && own.titleEn === shown.titleEn) return null;
  return { version: own.version, code: own.code, titleTh: own.titleTh, titleEn: own.titleEn };
}
