import { frameworkItems, frameworks } from "@ita/db/schema";
import { count, desc, eq, isNull } from "drizzle-orm";
import type { Context } from "../context.ts";

export async function listFrameworks({ ctx }: { ctx: Pick<Context, "db"> }) {
  return ctx.db
    .select({
      key: frameworks.key,
      fiscalYear: frameworks.fiscalYear,
      agencyTypes: frameworks.agencyTypes,
      titleTh: frameworks.titleTh,
      titleEn: frameworks.titleEn,
      gradingScheme: frameworks.gradingScheme,
      itemCount: count(frameworkItems.id),
    })
    .from(frameworks)
    .leftJoin(frameworkItems, eq(frameworkItems.frameworkId, frameworks.id))
    .where(isNull(frameworks.supersededAt))
    .groupBy(frameworks.id)
    .orderBy(desc(frameworks.fiscalYear), frameworks.key);
}
