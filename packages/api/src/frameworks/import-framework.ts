import type { Executor } from "@ita/db";
import { frameworkItems, frameworks } from "@ita/db/schema";
import {
  ITEM_CSV_COLUMNS,
  itemFromCsvRow,
  parseFrameworkJson,
  parseItems,
  type FrameworkItemData,
  type ImportProblem,
} from "@ita/domain/frameworks";
import { ImportFrameworkInput } from "@ita/domain/schemas";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { readCsvRecords } from "../csv/read-records.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { assertUsable, editFramework } from "./edit-framework.ts";

type Outcome =
  | { ok: true; frameworkId: string; version: number; versioned: boolean; items: number }
  | { ok: false; problems: ImportProblem[] };

async function replaceItems(tx: Executor, frameworkId: string, items: FrameworkItemData[]) {
  await tx.delete(frameworkItems).where(eq(frameworkItems.frameworkId, frameworkId));
  if (items.length)
    await tx.insert(frameworkItems).values(items.map((item) => ({ ...item, frameworkId })));
}

/** CSV rows with the file line each came from (header = line 1), or the problems reading it. */
function readCsv(
  text: string,
):
  | { ok: true; rows: Record<string, string>[]; lines: number[] }
  | { ok: false; problems: ImportProblem[] } {
  const read = readCsvRecords(text);
  if (!read.ok) return { ok: false, problems: [{ ...read.problem, field: null }] };
  const { records } = read;
  const header = Object.keys(records[0]?.record ?? {});
  const missing = ITEM_CSV_COLUMNS.filter(
    (c) =>
      !header.includes(c) && ["code", "titleTh", "titleEn", "categories", "sortOrder"].includes(c),
  );
  if (records.length && missing.length)
    return {
      ok: false,
      problems: [
        {
          line: 1,
          field: missing.join(", "),
          th: `แถวหัวตารางขาดคอลัมน์ ${missing.join(", ")}`,
          en: `The header row lacks column(s) ${missing.join(", ")}`,
        },
      ],
    };
  return { ok: true, rows: records.map((r) => r.record), lines: records.map((r) => r.line) };
}

/**
 * Reads a framework file. JSON: the whole framework; an existing key is replaced (as a
 * new version when in use), a new key is created. CSV: the items of the given
 * framework, replaced likewise. Nothing is
 * written unless the whole file is valid; problems come back per line, Thai and English.
 */
export async function importFramework({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof ImportFrameworkInput>;
}): Promise<Outcome> {
  const parsed = ImportFrameworkInput.parse(input);
  if (parsed.format === "csv") {
    const csv = readCsv(parsed.text);
    if (!csv.ok) return csv;
    const rows = parseItems(csv.rows.map(itemFromCsvRow), (i) => csv.lines[i]!);
    if (!rows.ok) return rows;
    const items = rows.value;
    const done = await editFramework(
      ctx,
      parsed.frameworkId,
      { action: "framework.imported", after: { format: "csv", items: items.length } },
      (tx, id) => replaceItems(tx, id, items),
    );
    return { ok: true, ...done, items: items.length };
  }

  const file = parseFrameworkJson(parsed.text);
  if (!file.ok) return file;
  const { items, ...header } = file.value;
  const [existing] = await ctx.db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.key, header.key), isNull(frameworks.supersededAt)));
  if (existing) {
    const done = await editFramework(
      ctx,
      existing.id,
      { action: "framework.imported", after: { format: "json", items: items.length } },
      async (tx, id) => {
        await tx.update(frameworks).set(header).where(eq(frameworks.id, id));
        await replaceItems(tx, id, items);
      },
    );
    return { ok: true, ...done, items: items.length };
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [created] = await tx
      .insert(frameworks)
      .values({ ...header, createdAt: now, editedAt: now, editedBy: ctx.user.id })
      .returning({ id: frameworks.id });
    await replaceItems(tx, created!.id, items);
    await assertUsable(tx, created!.id);
    await recordAudit(tx, {
      action: "framework.imported",
      actor: ctx.user,
      targetType: "framework",
      targetId: created!.id,
      after: { format: "json", key: header.key, version: 1, items: items.length },
      request: ctx.request,
    });
    return {
      ok: true as const,
      frameworkId: created!.id,
      version: 1,
      versioned: false,
      items: items.length,
    };
  });
}
