/**
 * Yearly ITA results (docs/domain.md §1, §4, §8): the three instruments, the ten
 * indicators, the total and grade *as NACC published them*, and what the domain
 * computes from the same scores under that year's scheme. The public pages show the
 * published figures; a disagreement between the two is flagged for the coordinator,
 * never silently "corrected".
 */
import {
  DEFAULT_INSTRUMENT_WEIGHTS,
  GRADING_SCHEMES,
  gradeResult,
  roundScore,
  type GradeBand,
  type GradeResult,
  type GradingSchemeKey,
  type InstrumentWeights,
  weightedTotal,
} from "./grading.ts";

export type Instrument = "iit" | "eit" | "oit";

export interface Indicator {
  no: number;
  instrument: Instrument;
  labelTh: string;
  labelEn: string;
}

/** The ten indicators (ตัวชี้วัด): 1–5 from IIT, 6–8 from EIT, 9–10 from OIT (docs/domain.md §1). */
export const ITA_INDICATORS: readonly Indicator[] = [
  { no: 1, instrument: "iit", labelTh: "การปฏิบัติหน้าที่", labelEn: "Duty performance" },
  { no: 2, instrument: "iit", labelTh: "การใช้งบประมาณ", labelEn: "Budget use" },
  { no: 3, instrument: "iit", labelTh: "การใช้อำนาจ", labelEn: "Use of authority" },
  {
    no: 4,
    instrument: "iit",
    labelTh: "การใช้ทรัพย์สินของราชการ",
    labelEn: "Use of government property",
  },
  { no: 5, instrument: "iit", labelTh: "การแก้ไขปัญหาการทุจริต", labelEn: "Handling corruption" },
  { no: 6, instrument: "eit", labelTh: "คุณภาพการดำเนินงาน", labelEn: "Quality of operations" },
  { no: 7, instrument: "eit", labelTh: "ประสิทธิภาพการสื่อสาร", labelEn: "Communication" },
  { no: 8, instrument: "eit", labelTh: "การปรับปรุงระบบการทำงาน", labelEn: "Improving work systems" },
  { no: 9, instrument: "oit", labelTh: "การเปิดเผยข้อมูล", labelEn: "Disclosure" },
  { no: 10, instrument: "oit", labelTh: "การป้องกันการทุจริต", labelEn: "Corruption prevention" },
];
export const INDICATOR_COUNT = ITA_INDICATORS.length;

/** Ten scores in indicator order (index 0 is indicator 1); null where not known. */
export type IndicatorScores = readonly (number | null)[];

/**
 * The scheme NACC graded a year under: letters AA–F up to 2566, five levels from 2567
 * (docs/domain.md §4). A framework names its scheme too, but results exist for years
 * without a framework in the portal (2564, 2565), so the year decides.
 */
export function gradingSchemeForYear(fiscalYear: number): GradingSchemeKey {
  return fiscalYear <= 2566 ? "letter-2566" : "five-level-2567";
}

/**
 * Instrument weights per scheme. 2566: IIT 30, EIT 30, OIT 40 (seed
 * `lopburi-pao-2566-…`). 2567: the same — Lamphun's published 2567 figures reconcile
 * exactly with them (indicator means 92.18 / 88.66 / 100 → 94.25, seed `lamphun-2568-…`).
 */
export const SCHEME_WEIGHTS: Readonly<Record<GradingSchemeKey, InstrumentWeights>> = {
  "letter-2566": DEFAULT_INSTRUMENT_WEIGHTS,
  "five-level-2567": DEFAULT_INSTRUMENT_WEIGHTS,
};

/**
 * Results are published to two decimals and rounding happens at several steps
 * (indicator, instrument, total), so a computed total within one hundredth of the
 * published one agrees.
 */
export const TOTAL_TOLERANCE = 0.01;

/** The band of a scheme a published grade names: its code, Thai label or letter ("ผ่านดี", "AA", "good"). */
export function findGradeBand(scheme: GradingSchemeKey, grade: string): GradeBand | undefined {
  const g = grade.trim();
  const bands: readonly GradeBand[] = GRADING_SCHEMES[scheme].bands;
  return (
    bands.find((b) => b.code === g) ??
    bands.find((b) => b.code.toLowerCase() === g.toLowerCase()) ??
    bands.find((b) => b.labelTh === g || b.labelEn.toLowerCase() === g.toLowerCase())
  );
}

export interface PublishedGrade {
  code: string;
  labelTh: string;
  labelEn: string;
  /** null when the stored code is not a band of the scheme (shown as stored). */
  passed: boolean | null;
}

/** The published grade with its labels; the stored text itself when the scheme does not know it. */
export function publishedGrade(scheme: string, grade: string): PublishedGrade {
  const band =
    scheme in GRADING_SCHEMES ? findGradeBand(scheme as GradingSchemeKey, grade) : undefined;
  if (!band) return { code: grade, labelTh: grade, labelEn: grade, passed: null };
  return { code: band.code, labelTh: band.labelTh, labelEn: band.labelEn, passed: band.passed };
}

export interface ResultScores {
  fiscalYear: number;
  gradingScheme: GradingSchemeKey;
  iit?: number | null;
  eit?: number | null;
  oit?: number | null;
  indicators?: IndicatorScores | null;
  /** As published by NACC. */
  total: number;
  /** As published by NACC: a band code of the scheme. */
  grade: string;
}

export type DisagreementKind = "total" | "grade" | "instrument";

export interface Disagreement {
  kind: DisagreementKind;
  field: string;
  published: string;
  computed: string;
  th: string;
  en: string;
}

export interface ResultEvaluation {
  /** Instruments as given, else the mean of their indicators (rounded to 2 decimals). */
  instruments: Record<Instrument, number | null>;
  /** Weighted total of the instruments under the scheme, when all three are known. */
  computedTotal: number | null;
  /** Grade of the computed total (or of the published total when it cannot be computed). */
  computedGrade: GradeResult;
  published: PublishedGrade;
  disagreements: Disagreement[];
}

function mean(xs: number[]): number {
  return roundScore(xs.reduce((a, b) => a + b, 0) / xs.length);
}

/** Mean of an instrument's indicators, when every one of them is known. */
export function instrumentFromIndicators(
  instrument: Instrument,
  indicators: IndicatorScores | null | undefined,
): number | null {
  if (!indicators) return null;
  const scores = ITA_INDICATORS.filter((i) => i.instrument === instrument).map(
    (i) => indicators[i.no - 1] ?? null,
  );
  return scores.every((s): s is number => typeof s === "number") ? mean(scores) : null;
}

const fmt = (n: number) => n.toFixed(2);

/** Differ by more than the tolerance, compared in whole hundredths (no binary noise). */
function differ(a: number, b: number): boolean {
  return Math.abs(Math.round(a * 100) - Math.round(b * 100)) > TOTAL_TOLERANCE * 100;
}

/** Computes total and grade under the year's scheme and lists where they differ from the published figures. */
export function evaluateResult(r: ResultScores): ResultEvaluation {
  const disagreements: Disagreement[] = [];
  const instruments = {} as Record<Instrument, number | null>;
  for (const k of ["iit", "eit", "oit"] as const) {
    const given = r[k] ?? null;
    const derived = instrumentFromIndicators(k, r.indicators);
    instruments[k] = given ?? derived;
    if (given !== null && derived !== null && differ(given, derived)) {
      const code = k.toUpperCase();
      disagreements.push({
        kind: "instrument",
        field: k,
        published: fmt(given),
        computed: fmt(derived),
        th: `คะแนน ${code} ${fmt(given)} ไม่ตรงกับค่าเฉลี่ยของตัวชี้วัด (${fmt(derived)})`,
        en: `${code} ${fmt(given)} differs from the mean of its indicators (${fmt(derived)})`,
      });
    }
  }
  const { iit, eit, oit } = instruments;
  const computedTotal =
    iit !== null && eit !== null && oit !== null
      ? weightedTotal({ iit, eit, oit }, SCHEME_WEIGHTS[r.gradingScheme])
      : null;
  if (computedTotal !== null && differ(computedTotal, r.total)) {
    disagreements.push({
      kind: "total",
      field: "total",
      published: fmt(r.total),
      computed: fmt(computedTotal),
      th: `คะแนนรวมที่ประกาศ ${fmt(r.total)} ไม่ตรงกับที่คำนวณจากคะแนนแบบวัด (${fmt(computedTotal)})`,
      en: `The published total ${fmt(r.total)} differs from the one computed from the instruments (${fmt(computedTotal)})`,
    });
  }
  // The published total decides the grade check: a wrong grade for the published score is its own finding.
  const gradeOfPublished = gradeResult(r.gradingScheme, { total: r.total, iit, eit, oit });
  const computedGrade =
    computedTotal === null
      ? gradeOfPublished
      : gradeResult(r.gradingScheme, { total: computedTotal, iit, eit, oit });
  const published = publishedGrade(r.gradingScheme, r.grade);
  // A band that needs every instrument cannot be checked while one is unknown.
  const band = findGradeBand(r.gradingScheme, r.grade);
  const uncheckable =
    band?.minEachInstrument !== undefined && [iit, eit, oit].some((x) => x === null);
  if (published.code !== gradeOfPublished.code && !uncheckable) {
    disagreements.push({
      kind: "grade",
      field: "grade",
      published: published.labelTh,
      computed: gradeOfPublished.labelTh,
      th: `ระดับที่ประกาศ “${published.labelTh}” ไม่ตรงกับระดับของคะแนน ${fmt(r.total)} ตามเกณฑ์ปี ${r.fiscalYear} (“${gradeOfPublished.labelTh}”)`,
      en: `The published grade “${published.labelEn}” differs from the grade of ${fmt(r.total)} under the ${r.fiscalYear} scheme (“${gradeOfPublished.labelEn}”)`,
    });
  }
  return { instruments, computedTotal, computedGrade, published, disagreements };
}

export interface ProvinceResultRow {
  agencyId: string;
  total: number;
  /** Passed by the published grade (null: unknown band, judged by the scheme's threshold). */
  passed: boolean | null;
  gradingScheme: GradingSchemeKey;
}

export interface ProvinceSummary {
  count: number;
  average: number | null;
  passed: number;
  failed: number;
  /** Share passing, in percent with two decimals (47 of 59 → 79.66). */
  passRate: number | null;
  target: number | null;
  /** Passing agencies still needed to meet the target (0 when met). */
  shortOfTarget: number | null;
}

/** A province's year at a glance: average, passes and the target (docs/domain.md §8: 47 of 59 passed in 2565). */
export function summariseProvince(
  rows: readonly ProvinceResultRow[],
  target: number | null,
): ProvinceSummary {
  const passedOf = (r: ProvinceResultRow) =>
    r.passed ?? r.total >= GRADING_SCHEMES[r.gradingScheme].passThreshold;
  const passed = rows.filter(passedOf).length;
  const count = rows.length;
  return {
    count,
    average: count ? mean(rows.map((r) => r.total)) : null,
    passed,
    failed: count - passed,
    passRate: count ? roundScore((passed / count) * 100) : null,
    target,
    shortOfTarget: target === null ? null : Math.max(0, target - passed),
  };
}

/** Competition ranking by total, best first (1, 2, 2, 4): equal totals share a rank. */
export function rankByTotal<T extends { total: number }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((r, i) => ({
    ...r,
    rank: sorted.findIndex((s) => s.total === r.total) + 1 || i + 1,
  }));
}
