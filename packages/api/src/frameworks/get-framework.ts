import { frameworks } from "@ita/db/schema";
import { FrameworkRefInput } from "@ita/domain/schemas";
import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";
import { frameworkInUse, loadFramework } from "./edit-framework.ts";

/** One framework version with its items, whether it is in use, and the versions of its key. */
export async function getFramework({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof FrameworkRefInput>;
}) {
  const { frameworkId } = FrameworkRefInput.parse(input);
  const { framework, items } = await loadFramework(ctx.db, frameworkId);
  const versions = await ctx.db
    .select({
      id: frameworks.id,
      version: frameworks.version,
      createdAt: frameworks.createdAt,
      supersededAt: frameworks.supersededAt,
    })
    .from(frameworks)
    .where(eq(frameworks.key, framework.key))
    .orderBy(desc(frameworks.version));
  return {
    framework: { ...framework, current: framework.supersededAt === null },
    items,
    inUse: await frameworkInUse(ctx.db, framework.id),
    versions,
  };
}
