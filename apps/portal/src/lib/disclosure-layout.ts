/**
 * How the agency page orders a year's disclosures for a citizen: what was published first,
 * what is missing folded away, and each item once even when it sits under two categories
 * (the first category it appears under holds it; `categories` lists them all for labels).
 */
interface LayoutItem {
  code: string;
  categories: readonly number[];
  entries: readonly unknown[];
}

interface LayoutCategory {
  number: number;
  items: readonly LayoutItem[];
}

export interface CategoryGroup<C extends LayoutCategory> {
  category: C;
  items: C["items"][number][];
}

export function layoutDisclosures<C extends LayoutCategory>(
  categories: readonly C[],
): { published: CategoryGroup<C>[]; missing: CategoryGroup<C>[]; missingCount: number } {
  type I = C["items"][number];
  const seen = new Set<string>();
  const published: CategoryGroup<C>[] = [];
  const missing: CategoryGroup<C>[] = [];
  for (const category of categories) {
    const done: I[] = [];
    const open: I[] = [];
    for (const item of category.items) {
      if (seen.has(item.code)) continue;
      seen.add(item.code);
      (item.entries.length > 0 ? done : open).push(item);
    }
    if (done.length > 0) published.push({ category, items: done });
    if (open.length > 0) missing.push({ category, items: open });
  }
  const missingCount = missing.reduce((n, g) => n + g.items.length, 0);
  return { published, missing, missingCount };
}
