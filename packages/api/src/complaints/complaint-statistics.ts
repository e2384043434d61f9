import { agencies, complaints } from "@ita/db/schema";
import {
  COMPLAINT_OUTCOME_KEYS,
  COMPLAINT_STATE_KEYS,
  COMPLAINT_SUBJECT_KEYS,
  ComplaintStatisticsInput,
  isSmallCell,
  MIN_PUBLISHED_COUNT,
  suppressBreakdown,
} from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@ita/db";
import type { Context } from "../context.ts";
import { preparedPerDatabase } from "../public/db-cache.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function median(values: number[]): number | null {
  // A median of fewer than the threshold could describe one person's case.
  if (values.length < MIN_PUBLISHED_COUNT) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

function countBy<K extends string>(keys: readonly K[], values: (string | null)[]) {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v && v in counts) counts[v as K]++;
  return counts;
}

/**
 * Outcomes break down the closed cases, so their sum is the closed count: when that
 * count is suppressed, every non-zero outcome is too, or it could be added back up.
 */
function suppressOutcomes<K extends string>(
  outcomes: { cells: Record<K, number | null>; total: number | null },
  closed: number | null,
) {
  if (closed !== null) return outcomes;
  const cells = { ...outcomes.cells };
  for (const k of Object.keys(cells) as K[]) if (cells[k] !== 0) cells[k] = null;
  return { cells, total: null };
}

/**
 * One query, built once per database: the agency, and its cases of the year when there
 * are any (a left join, so an agency without cases still comes back once, with the case
 * columns null). The agency page shows these on every view (docs/performance.md).
 */
const agencyCases = preparedPerDatabase((db: Executor) =>
  db
    .select({
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      subject: complaints.subject,
      state: complaints.state,
      outcome: complaints.outcome,
      receivedAt: complaints.receivedAt,
      acknowledgedAt: complaints.acknowledgedAt,
      closedAt: complaints.closedAt,
    })
    .from(agencies)
    .leftJoin(
      complaints,
      and(
        eq(complaints.agencyId, agencies.id),
        eq(complaints.fiscalYear, sql.placeholder("fiscalYear")),
      ),
    )
    .where(eq(agencies.slug, sql.placeholder("slug")))
    .prepare("agency_complaint_cases"),
);

/**
 * Complaint statistics of one agency and fiscal year, from the real cases, with small
 * cells suppressed (packages/domain/src/complaints/suppression.ts, docs/open-data.md).
 * Reads clear columns only; nothing is decrypted. Public: the OIT complaint-statistics item.
 */
export async function getComplaintStatistics({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db">;
  input: z.input<typeof ComplaintStatisticsInput>;
}) {
  const { slug, fiscalYear } = ComplaintStatisticsInput.parse(input);
  const found = await agencyCases(ctx.db).execute({ slug, fiscalYear });
  const agency = found[0];
  if (!agency) throw new DomainError("NOT_FOUND", `agency ${slug}`);
  const rows = found.flatMap((r) => (r.receivedAt ? [{ ...r, receivedAt: r.receivedAt }] : []));
  const days = (from: Date, to: Date | null) =>
    to ? (to.getTime() - from.getTime()) / DAY_MS : null;
  const toAck = rows.map((r) => days(r.receivedAt, r.acknowledgedAt)).filter((d) => d !== null);
  const toClose = rows.map((r) => days(r.receivedAt, r.closedAt)).filter((d) => d !== null);
  const total = rows.length;
  const byState = suppressBreakdown(
    countBy(
      COMPLAINT_STATE_KEYS,
      rows.map((r) => r.state),
    ),
  );
  return {
    agency: { slug: agency.slug, nameTh: agency.nameTh },
    fiscalYear,
    minPublishedCount: MIN_PUBLISHED_COUNT,
    total: isSmallCell(total) ? null : total,
    bySubject: suppressBreakdown(
      countBy(
        COMPLAINT_SUBJECT_KEYS,
        rows.map((r) => r.subject),
      ),
    ),
    byState,
    byOutcome: suppressOutcomes(
      suppressBreakdown(
        countBy(
          COMPLAINT_OUTCOME_KEYS,
          rows.map((r) => r.outcome),
        ),
      ),
      byState.cells.closed,
    ),
    medianDaysToAcknowledge: median(toAck),
    medianDaysToClose: median(toClose),
  };
}

export type ComplaintStatistics = Awaited<ReturnType<typeof getComplaintStatistics>>;
