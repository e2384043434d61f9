/** Which URLs to request: random agencies and published items of the bench dataset. */
import { queryRows, type Database } from "@ita/db";
import { sql } from "drizzle-orm";
import { RARE_WORD } from "./thai-names.ts";

const SAMPLE_SIZE = 500;
export const COMMON_WORD = "ทุจริต";
export const SEARCH_WORDS = [COMMON_WORD, RARE_WORD] as const;

export interface Sample {
  slugs: string[];
  items: { slug: string; fy: number; code: string }[];
  /** The agency page whose HTML the static baseline serves. */
  baselinePath: string;
  targets: { name: string; paths: string[] }[];
}

export async function sampleTargets(db: Database): Promise<Sample> {
  const agencies = await queryRows<{ slug: string }>(
    db,
    sql`select slug from agencies order by random() limit ${SAMPLE_SIZE}`,
  );
  // TABLESAMPLE keeps this cheap on a million rows; ~1 % of pages is plenty to pick from.
  const items = await queryRows<{ slug: string; fy: number; code: string }>(
    db,
    sql`select a.slug, e.fiscal_year as fy, e.item_code as code
        from disclosure_entries e tablesample system (1) join agencies a on a.id = e.agency_id
        where e.published_at is not null and e.withdrawn_at is null
        order by random() limit ${SAMPLE_SIZE}`,
  );
  if (agencies.length === 0 || items.length === 0)
    throw new Error("the bench database has no agencies or entries");
  const slugs = agencies.map((a) => a.slug);
  // Half the agency requests show the current fiscal year (young, few entries), half a
  // full past year (2566–2569), as visitors arriving from search engines would.
  const agencyPaths = slugs.map((slug, i) =>
    i % 2 === 0 ? `/agencies/${slug}` : `/agencies/${slug}?fy=${2566 + (i % 4)}`,
  );
  const q = (word: string) => `/search?q=${encodeURIComponent(word)}`;
  return {
    slugs,
    items,
    baselinePath: `/agencies/${slugs[0]}?fy=2568`,
    targets: [
      { name: "home page", paths: ["/"] },
      { name: "agency page", paths: agencyPaths },
      { name: "item page", paths: items.map((i) => `/agencies/${i.slug}/${i.fy}/${i.code}`) },
      { name: `search "${COMMON_WORD}" (common)`, paths: [q(COMMON_WORD)] },
      { name: `search "${RARE_WORD}" (rare)`, paths: [q(RARE_WORD)] },
      {
        name: "open-data CSV",
        paths: slugs.map((slug) => `/open-data/agencies/${slug}/disclosures.csv`),
      },
    ],
  };
}
