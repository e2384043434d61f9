import { queryRows, type Executor } from "@ita/db";
import { districts } from "@ita/db/schema";
import { AGENCY_TYPES, AGENCY_TYPE_LABELS } from "@ita/domain/agency-types";
import { DomainError } from "@ita/domain/errors";
import { isoDateIn } from "@ita/domain/fiscal-year";
import { itemPath } from "@ita/domain/paths";
import {
  cellState,
  furthestBehindFirst,
  pageOf,
  progressOf,
  READINESS_PAGE_SIZE,
  sumProgress,
  type ReadinessState,
  type ReviewVerdict,
} from "@ita/domain/readiness";
import { roundsByItem } from "@ita/domain/review-plan";
import { ReadinessInput } from "@ita/domain/schemas";
import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ProvinceContext, ReviewRoundContext } from "../authz/procedures.ts";
import { isPublicEntry } from "../public/visibility.ts";
import { progressChartSvg } from "./summary-chart.ts";
import { planRounds, provinceYearItems } from "./year-items.ts";

interface AgencyFacts {
  id: string;
  slug: string;
  name_th: string;
  type: string;
  district_id: string | null;
  district_th: string | null;
  /** [item code, published version ids][] */
  published: [string, string[]][] | string | null;
  /** [item code, verdict, comment, reviewed version ids][] */
  reviews: [string, ReviewVerdict, string | null, string[]][] | string | null;
}

const json = <T>(v: T | string | null): T | null =>
  typeof v === "string" ? (JSON.parse(v) as T) : v;

/**
 * The facts of every agency of a province for a fiscal year, in ONE set-based query
 * (no query per agency): its public versions per item and the latest review per item,
 * aggregated per agency. Filters by district and agency type.
 */
export async function readinessFacts(
  db: Executor,
  q: {
    provinceId: string;
    fiscalYear: number;
    now: Date;
    districtId?: string;
    agencyType?: string;
  },
) {
  const district = q.districtId ? sql`and ag.district_id = ${q.districtId}` : sql``;
  const type = q.agencyType ? sql`and ag.type = ${q.agencyType}` : sql``;
  return queryRows<AgencyFacts>(
    db,
    sql`
    with a as (
      select ag.id, ag.slug, ag.name_th, ag.type, ag.district_id, d.name_th as district_th
      from agencies ag left join districts d on d.id = ag.district_id
      where ag.province_id = ${q.provinceId} ${district} ${type}
    ),
    pub as (
      select agency_id, json_agg(json_build_array(item_code, version_ids)) as published
      from (
        select disclosure_entries.agency_id, disclosure_entries.item_code,
          array_agg(disclosure_entries.published_version_id order by disclosure_entries.published_version_id) as version_ids
        from disclosure_entries join a on a.id = disclosure_entries.agency_id
        -- what the public sees, by the one rule the portal uses (public/visibility.ts)
        where disclosure_entries.fiscal_year = ${q.fiscalYear} and ${isPublicEntry(q.now)}
        group by disclosure_entries.agency_id, disclosure_entries.item_code
      ) p
      group by agency_id
    ),
    rev as (
      select agency_id, json_agg(json_build_array(item_code, verdict, comment, version_ids)) as reviews
      from (
        select distinct on (r.agency_id, r.item_code)
          r.agency_id, r.item_code, r.verdict, r.comment, r.version_ids
        from item_reviews r
        join province_review_rounds pr on pr.id = r.round_id
        where pr.province_id = ${q.provinceId} and pr.fiscal_year = ${q.fiscalYear}
        order by r.agency_id, r.item_code, r.seq desc
      ) x
      group by agency_id
    )
    select a.id, a.slug, a.name_th, a.type, a.district_id, a.district_th,
      pub.published, rev.reviews
    from a
    left join pub on pub.agency_id = a.id
    left join rev on rev.agency_id = a.id
    order by a.name_th`,
  );
}

export interface ReadinessCell {
  code: string;
  state: ReadinessState | null;
  comment: string | null;
}

/**
 * The readiness matrix of a province and year (or one round of it): agencies × items,
 * each cell's state, progress per agency and for the province, the furthest behind
 * first. Cells an agency's framework does not have are null. Sorted over all agencies,
 * then one page of them is sent (`page`, `pageSize`): 1,000 agencies × 43 items is too
 * much to send and draw at once, and "furthest behind first" must hold across pages.
 */
export async function getReadiness({
  ctx,
  input,
}: {
  ctx: ProvinceContext;
  input: z.input<typeof ReadinessInput>;
}) {
  const q = ReadinessInput.parse(input);
  const { agencies, ...view } = await readinessView(ctx, q);
  const paged = pageOf(agencies, q.page ?? 1, q.pageSize ?? READINESS_PAGE_SIZE);
  const { rows, ...paging } = paged;
  return { ...view, agencies: rows, paging };
}

/** The whole matrix, every agency (the governor's summary, and `getReadiness` before paging). */
async function readinessView(ctx: ProvinceContext, q: z.output<typeof ReadinessInput>) {
  const now = ctx.now();
  const today = isoDateIn(now);
  const rounds = await planRounds(ctx.db, ctx.province.id, q.fiscalYear);
  const round = q.roundId ? rounds.find((r) => r.id === q.roundId) : undefined;
  if (q.roundId && !round) throw new DomainError("NOT_FOUND", `round ${q.roundId}`);
  const { items, codesByType } = await provinceYearItems(ctx.db, ctx.province.id, q.fiscalYear);
  const columns = round ? items.filter((i) => round.itemCodes.includes(i.code)) : items;
  const planned = roundsByItem(rounds);
  const facts = await readinessFacts(ctx.db, {
    provinceId: ctx.province.id,
    fiscalYear: q.fiscalYear,
    now,
    districtId: q.districtId,
    agencyType: q.agencyType,
  });
  const rows = facts.map((a) => {
    const published = new Map(json(a.published) ?? []);
    const reviews = new Map((json(a.reviews) ?? []).map((r) => [r[0], r]));
    const own = new Set(codesByType.get(a.type) ?? []);
    const cells: ReadinessCell[] = columns.map((item) => {
      if (!own.has(item.code)) return { code: item.code, state: null, comment: null };
      const review = reviews.get(item.code);
      const state = cellState(
        {
          publishedVersionIds: published.get(item.code) ?? [],
          review: review ? { verdict: review[1], versionIds: review[3] } : null,
          deadline: planned.get(item.code)?.deadline ?? null,
        },
        today,
      );
      return {
        code: item.code,
        state,
        comment: state === "needs-fix" ? (review?.[2] ?? null) : null,
      };
    });
    const states = cells.flatMap((c) => (c.state ? [c.state] : []));
    return {
      id: a.id,
      slug: a.slug,
      nameTh: a.name_th,
      type: a.type,
      districtId: a.district_id,
      districtTh: a.district_th,
      progress: progressOf(states),
      cells,
    };
  });
  const sorted = furthestBehindFirst(rows);
  const districtList = await ctx.db
    .select({ id: districts.id, nameTh: districts.nameTh, nameEn: districts.nameEn })
    .from(districts)
    .where(eq(districts.provinceId, ctx.province.id))
    .orderBy(asc(districts.nameTh));
  return {
    province: ctx.province,
    fiscalYear: q.fiscalYear,
    today,
    round: round
      ? { id: round.id, number: round.number, titleTh: round.titleTh, deadline: round.deadline }
      : null,
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      titleTh: r.titleTh,
      deadline: r.deadline,
    })),
    columns: columns.map((c) => ({ ...c, deadline: planned.get(c.code)?.deadline ?? null })),
    agencies: sorted.map((r) => ({
      ...r,
      cells: r.cells.map((c) => ({
        ...c,
        href: c.state ? itemPath(r.slug, q.fiscalYear, c.code) : null,
      })),
    })),
    progress: sumProgress(rows.map((r) => r.progress)),
    filters: {
      districts: districtList,
      agencyTypes: AGENCY_TYPES.filter((t) => codesByType.has(t)).map((t) => ({
        value: t,
        ...AGENCY_TYPE_LABELS[t],
      })),
    },
  };
}

/**
 * The governor's one-page summary of a round: the province's figures, every agency's
 * progress (furthest behind first) as a table, and the same as an SVG chart drawn here.
 */
export async function getRoundSummary({ ctx }: { ctx: ReviewRoundContext }) {
  const view = await readinessView(
    ctx,
    ReadinessInput.parse({ fiscalYear: ctx.round.fiscalYear, roundId: ctx.round.id }),
  );
  const agencies = view.agencies.map((a) => ({
    nameTh: a.nameTh,
    districtTh: a.districtTh,
    ...a.progress,
  }));
  return {
    province: view.province,
    fiscalYear: view.fiscalYear,
    today: view.today,
    round: view.round!,
    progress: view.progress,
    agencies,
    chartSvg: progressChartSvg(
      agencies,
      `ความคืบหน้าของหน่วยงาน ${view.round!.titleTh} จังหวัด${view.province.nameTh}`,
    ),
  };
}
