import { frameworkItems } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { SaveFrameworkItemInput } from "@ita/domain/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { fieldError } from "../authz/field-error.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { editFramework } from "./edit-framework.ts";

/**
 * Adds an item (`originalCode` null) or changes one, found by its code so the edit
 * follows it into a new version of a framework in use. Code and tag stay unique within
 * the framework; the form hears which field clashed.
 */
export async function saveFrameworkItem({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof SaveFrameworkItemInput>;
}) {
  const { frameworkId, originalCode, item } = SaveFrameworkItemInput.parse(input);
  return editFramework(
    ctx,
    frameworkId,
    {
      action: originalCode ? "framework.item_updated" : "framework.item_added",
      after: { originalCode, item },
    },
    async (tx, id) => {
      const others = await tx
        .select({ code: frameworkItems.code, tag: frameworkItems.tag })
        .from(frameworkItems)
        .where(eq(frameworkItems.frameworkId, id));
      const rest = others.filter((o) => o.code !== originalCode);
      if (originalCode && rest.length === others.length)
        throw new DomainError("NOT_FOUND", `item ${originalCode}`);
      if (rest.some((o) => o.code === item.code))
        throw fieldError(
          "code",
          `รหัสข้อ ${item.code} มีอยู่แล้วในเกณฑ์นี้`,
          `Item code ${item.code} is already in this framework`,
        );
      if (item.tag && rest.some((o) => o.tag === item.tag))
        throw fieldError(
          "tag",
          `บทบาท ${item.tag} เป็นของข้ออื่นในเกณฑ์นี้แล้ว`,
          `Another item of this framework already has tag ${item.tag}`,
        );
      if (originalCode)
        await tx
          .update(frameworkItems)
          .set(item)
          .where(and(eq(frameworkItems.frameworkId, id), eq(frameworkItems.code, originalCode)));
      else await tx.insert(frameworkItems).values({ ...item, frameworkId: id });
    },
  );
}
