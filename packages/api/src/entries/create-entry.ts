import type { Executor } from "@ita/db";
import { disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { isValidPeriod, periodNamedIn } from "@ita/domain/frameworks";
import { EntryDraftInput } from "@ita/domain/schemas";
import type { EntryEvent } from "@ita/domain/workflow";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { AuthorizedAgency } from "../authz/authorize.ts";
import type { AgencyContext } from "../authz/procedures.ts";
import { fieldError } from "../authz/field-error.ts";
import { resolveFramework, type FrameworkItemRow } from "../frameworks/resolve-framework.ts";
import { contentFromInput, versionContent, type VersionContent } from "./version-content.ts";
import { recordEntryEvent } from "./workflow.ts";

/** The item must exist in the framework that governs the agency that year. */
export async function requireFrameworkItem(
  db: Executor,
  agency: AuthorizedAgency,
  fiscalYear: number,
  itemCode: string,
) {
  const resolved = await resolveFramework(db, fiscalYear, agency.type);
  const item = resolved?.items.find((i) => i.code === itemCode);
  if (!item)
    throw new DomainError(
      "INVALID_INPUT",
      `item ${itemCode} is not in the ${fiscalYear} framework`,
      { field: "itemCode" },
    );
  return item;
}

/**
 * The period an entry reports: the one chosen, checked against the item's cadence, else
 * the one its title names; always null for an item asked for once.
 */
export function entryPeriod(
  item: Pick<FrameworkItemRow, "cadence">,
  fiscalYear: number,
  requested: number | null | undefined,
  title: string,
): number | null {
  if (item.cadence === "once") {
    if (requested != null)
      throw fieldError(
        "period",
        "ข้อนี้เผยแพร่ปีละครั้ง ไม่ต้องเลือกเดือน",
        "This item is published once a year: no month to choose.",
      );
    return null;
  }
  if (requested != null) {
    if (!isValidPeriod(item.cadence, requested))
      throw fieldError("period", "กรุณาเลือกไตรมาส 1–4", "Choose a quarter from 1 to 4.");
    return requested;
  }
  return periodNamedIn(title, item.cadence, fiscalYear);
}

export interface NewDraft {
  fiscalYear: number;
  itemCode: string;
  /** The month or quarter it reports (`entryPeriod`). */
  period: number | null;
  content: VersionContent;
  event: Extract<EntryEvent, "created" | "copied" | "bulk_created">;
  comment?: string;
}

/** Inserts a draft entry with its first version, inside the caller's transaction. */
export async function insertDraft(
  tx: Executor,
  ctx: AgencyContext,
  draft: NewDraft,
): Promise<string> {
  const now = ctx.now();
  // The framework version the entry is made under (ADR 0022).
  const resolved = await resolveFramework(tx, draft.fiscalYear, ctx.agency.type);
  const [entry] = await tx
    .insert(disclosureEntries)
    .values({
      agencyId: ctx.agency.id,
      fiscalYear: draft.fiscalYear,
      itemCode: draft.itemCode,
      period: draft.period,
      frameworkId: resolved?.framework.id ?? null,
      state: "draft",
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: disclosureEntries.id });
  const [version] = await tx
    .insert(disclosureVersions)
    .values({
      entryId: entry!.id,
      versionNo: 1,
      ...versionContent(draft.content),
      authorId: ctx.user.id,
      createdAt: now,
    })
    .returning({ id: disclosureVersions.id });
  await tx
    .update(disclosureEntries)
    .set({ currentVersionId: version!.id })
    .where(eq(disclosureEntries.id, entry!.id));
  await recordEntryEvent(tx, {
    entryId: entry!.id,
    versionId: version!.id,
    action: draft.event,
    actorId: ctx.user.id,
    comment: draft.comment ?? null,
    at: now,
  });
  await recordAudit(tx, {
    action: `entry.${draft.event}`,
    actor: ctx.user,
    targetType: "entry",
    targetId: entry!.id,
    agencyId: ctx.agency.id,
    after: {
      fiscalYear: draft.fiscalYear,
      itemCode: draft.itemCode,
      period: draft.period,
      title: draft.content.title,
    },
    request: ctx.request,
  });
  return entry!.id;
}

export async function createEntry({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof EntryDraftInput>;
}) {
  const parsed = EntryDraftInput.parse(input);
  const item = await requireFrameworkItem(ctx.db, ctx.agency, parsed.fiscalYear, parsed.itemCode);
  const period = entryPeriod(item, parsed.fiscalYear, parsed.period, parsed.title);
  const id = await ctx.db.transaction((tx) =>
    insertDraft(tx, ctx, {
      fiscalYear: parsed.fiscalYear,
      itemCode: parsed.itemCode,
      period,
      content: contentFromInput(parsed),
      event: "created",
    }),
  );
  return { id };
}
