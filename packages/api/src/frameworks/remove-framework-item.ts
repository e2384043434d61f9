import { frameworkItems } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { RemoveFrameworkItemInput } from "@ita/domain/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";
import { editFramework } from "./edit-framework.ts";

/** Removes an item; from a framework in use only in its new version (the old one keeps it). */
export async function removeFrameworkItem({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof RemoveFrameworkItemInput>;
}) {
  const { frameworkId, code } = RemoveFrameworkItemInput.parse(input);
  return editFramework(
    ctx,
    frameworkId,
    { action: "framework.item_removed", after: { code } },
    async (tx, id) => {
      const removed = await tx
        .delete(frameworkItems)
        .where(and(eq(frameworkItems.frameworkId, id), eq(frameworkItems.code, code)))
        .returning({ id: frameworkItems.id });
      if (removed.length === 0) throw new DomainError("NOT_FOUND", `item ${code}`);
    },
  );
}
