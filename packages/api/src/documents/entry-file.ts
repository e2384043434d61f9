import { attachments } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import type { SelectedFieldsFlat } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { authorizeEntry } from "../authz/authorize.ts";
import type { StaffContext } from "../authz/procedures.ts";

/**
 * Reads `fields` of a file of an entry (of any of its versions) for staff: the same
 * readers as the entry — its agency's staff and the province's coordinators — checked
 * against the stored entry of the file. Unknown files and files of entries the actor may
 * not read answer alike (FORBIDDEN), so ids cannot be probed; files that belong to no
 * entry are not entry files.
 */
export async function readEntryFile<F extends SelectedFieldsFlat>(
  ctx: StaffContext,
  attachmentId: string,
  fields: F,
): Promise<SelectResultFields<F>> {
  const [row] = await ctx.db
    .select({ entryId: attachments.entryId, file: fields })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!row?.entryId)
    throw new DomainError(
      ctx.user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN",
      `attachment ${attachmentId}`,
    );
  await authorizeEntry(ctx, ctx.user, row.entryId, { read: "disclosures" });
  return row.file;
}
