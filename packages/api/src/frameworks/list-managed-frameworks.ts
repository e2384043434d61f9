import { disclosureEntries, frameworkItems, frameworks } from "@ita/db/schema";
import { FrameworkListInput } from "@ita/domain/schemas";
import { and, arrayContains, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * Every framework and version for the administration, newest year first, filtered by
 * fiscal year and agency type: item count, whether entries were made under it (then an
 * edit makes a new version) and whether a newer version replaced it.
 */
export async function listManagedFrameworks({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof FrameworkListInput>;
}) {
  const { fiscalYear, agencyType } = FrameworkListInput.parse(input);
  const where: SQL[] = [];
  if (fiscalYear !== undefined) where.push(eq(frameworks.fiscalYear, fiscalYear));
  if (agencyType) where.push(arrayContains(frameworks.agencyTypes, [agencyType]));
  const rows = await ctx.db
    .select({
      id: frameworks.id,
      key: frameworks.key,
      version: frameworks.version,
      fiscalYear: frameworks.fiscalYear,
      agencyTypes: frameworks.agencyTypes,
      titleTh: frameworks.titleTh,
      titleEn: frameworks.titleEn,
      gradingScheme: frameworks.gradingScheme,
      supersededAt: frameworks.supersededAt,
      editedAt: frameworks.editedAt,
      itemCount: count(frameworkItems.id),
    })
    .from(frameworks)
    .leftJoin(frameworkItems, eq(frameworkItems.frameworkId, frameworks.id))
    .where(where.length ? and(...where) : undefined)
    .groupBy(frameworks.id)
    .orderBy(desc(frameworks.fiscalYear), asc(frameworks.key), desc(frameworks.version));
  const used = rows.length
    ? await ctx.db
        .selectDistinct({ id: disclosureEntries.frameworkId })
        .from(disclosureEntries)
        .where(
          inArray(
            disclosureEntries.frameworkId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const inUse = new Set(used.map((u) => u.id));
  return rows.map((r) => ({ ...r, current: r.supersededAt === null, inUse: inUse.has(r.id) }));
}
