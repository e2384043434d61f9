/**
 * Readiness of a province's agencies (docs/domain.md §6): each agency × item cell is
 * missing, overdue, published (waiting for the coordinator's review), reviewed-ok or
 * needs-fix. Pure arithmetic over facts the database gives; no I/O.
 */

export const READINESS_STATES = [
  "overdue",
  "missing",
  "needs-fix",
  "published",
  "reviewed-ok",
] as const;
export type ReadinessState = (typeof READINESS_STATES)[number];

export const READINESS_LABELS: Readonly<Record<ReadinessState, { th: string; en: string }>> = {
  overdue: { th: "เลยกำหนด", en: "Overdue" },
  missing: { th: "ยังไม่เผยแพร่", en: "Not published" },
  "needs-fix": { th: "ต้องแก้ไข", en: "Needs fix" },
  published: { th: "เผยแพร่แล้ว รอตรวจ", en: "Published, to review" },
  "reviewed-ok": { th: "ตรวจแล้ว ผ่าน", en: "Reviewed OK" },
};

export const REVIEW_VERDICTS = ["ok", "needs-fix"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const REVIEW_VERDICT_LABELS: Readonly<Record<ReviewVerdict, { th: string; en: string }>> = {
  ok: { th: "ผ่าน", en: "OK" },
  "needs-fix": { th: "ต้องแก้ไข", en: "Needs fix" },
};

export interface ReviewFacts {
  verdict: ReviewVerdict;
  /** The published versions the coordinator saw when reviewing. */
  versionIds: readonly string[];
}

export interface CellFacts {
  /** Versions of the item the public sees now (one per public entry). */
  publishedVersionIds: readonly string[];
  /** The latest review of the item, if any. */
  review: ReviewFacts | null;
  /** The round's deadline (ISO date) when the province's plan has the item. */
  deadline: string | null;
}

/**
 * A review stands while the public still sees what was reviewed: a version published
 * after it (a fix, a new month) sends the item back to "to review".
 */
export function reviewIsCurrent(
  review: ReviewFacts,
  publishedVersionIds: readonly string[],
): boolean {
  return (
    publishedVersionIds.length > 0 &&
    publishedVersionIds.every((id) => review.versionIds.includes(id))
  );
}

/** The state of one cell on `today` (ISO date in Bangkok): overdue once the deadline day has passed. */
export function cellState(facts: CellFacts, today: string): ReadinessState {
  if (facts.publishedVersionIds.length === 0)
    return facts.deadline !== null && today > facts.deadline ? "overdue" : "missing";
  if (facts.review && reviewIsCurrent(facts.review, facts.publishedVersionIds))
    return facts.review.verdict === "ok" ? "reviewed-ok" : "needs-fix";
  return "published";
}

export interface Progress {
  total: number;
  /** Items the public sees (to review, reviewed OK or needing a fix). */
  published: number;
  reviewedOk: number;
  toReview: number;
  needsFix: number;
  missing: number;
  overdue: number;
  /** Whole percent of items published and not needing a fix, rounded down (99.9 % is not done). */
  percent: number;
}

export function progressOf(states: readonly ReadinessState[]): Progress {
  const n = (s: ReadinessState) => states.filter((x) => x === s).length;
  const reviewedOk = n("reviewed-ok");
  const toReview = n("published");
  const needsFix = n("needs-fix");
  const total = states.length;
  return {
    total,
    published: reviewedOk + toReview + needsFix,
    reviewedOk,
    toReview,
    needsFix,
    missing: n("missing"),
    overdue: n("overdue"),
    percent: total === 0 ? 0 : Math.floor(((reviewedOk + toReview) * 100) / total),
  };
}

/** The province's figures: the sum over its agencies. */
export function sumProgress(parts: readonly Progress[]): Progress {
  const sum = (k: keyof Progress) => parts.reduce((a, p) => a + p[k], 0);
  const total = sum("total");
  const reviewedOk = sum("reviewedOk");
  const toReview = sum("toReview");
  return {
    total,
    published: sum("published"),
    reviewedOk,
    toReview,
    needsFix: sum("needsFix"),
    missing: sum("missing"),
    overdue: sum("overdue"),
    percent: total === 0 ? 0 : Math.floor(((reviewedOk + toReview) * 100) / total),
  };
}

const thaiOrder = new Intl.Collator("th");

/**
 * The furthest behind first: lowest percent, then most overdue, then most needing a
 * fix, then by Thai name so the order is stable.
 */
export function furthestBehindFirst<T extends { progress: Progress; nameTh: string }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort(
    (a, b) =>
      a.progress.percent - b.progress.percent ||
      b.progress.overdue - a.progress.overdue ||
      b.progress.needsFix - a.progress.needsFix ||
      thaiOrder.compare(a.nameTh, b.nameTh),
  );
}

/** Agencies per page of the readiness matrix: the choices offered, and the default. */
export const READINESS_PAGE_SIZES = [25, 50, 100, 200] as const;
export const READINESS_PAGE_SIZE = 50;
export const READINESS_MAX_PAGE_SIZE = 200;

export interface Page<T> {
  rows: T[];
  /** 1-based, clamped to the pages there are (a page past the end shows the last). */
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** 1-based positions of the page's first and last row in the whole list (0 when empty). */
  first: number;
  last: number;
}

/**
 * One page of an already ordered list: the matrix is sorted furthest behind first over
 * ALL agencies, then cut, so page 2 continues where page 1 stopped.
 */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (current - 1) * size;
  const slice = rows.slice(start, start + size);
  return {
    rows: slice,
    page: current,
    pageSize: size,
    pageCount,
    total: rows.length,
    first: slice.length ? start + 1 : 0,
    last: start + slice.length,
  };
}
