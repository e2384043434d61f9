import { disclosureEntries } from "@ita/db/schema";
import { and, isNotNull, isNull, lte, type Placeholder, type SQL } from "drizzle-orm";

/**
 * What the public may see. An entry is public once its publication time has passed
 * and it is not withdrawn. A withdrawn entry that was public stays on its item page
 * (as withdrawn, with date and reason) so a pasted permalink never silently empties.
 */
export function isPublicEntry(now: Date | Placeholder): SQL {
  return and(
    isNotNull(disclosureEntries.publishedVersionId),
    lte(disclosureEntries.publishedAt, now),
    isNull(disclosureEntries.withdrawnAt),
  )!;
}

export function wasPublishedEntry(now: Date): SQL {
  return and(
    isNotNull(disclosureEntries.publishedVersionId),
    lte(disclosureEntries.publishedAt, now),
  )!;
}
