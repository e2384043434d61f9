/**
 * ITA grading schemes as data (docs/domain.md §4). A scheme is an ordered list of
 * bands; the first band whose conditions hold wins. Adding a scheme is adding data
 * (plus its key to `GradingSchemeKey`), not writing another if-chain.
 *
 * Rounding: NACC publishes scores with two decimals and its bands are written
 * as 84.99 / 85.00, so every comparison is made on the score rounded half-up to
 * two decimals *as written in decimal*: 84.994 → 84.99 (B), 84.995 → 85.00 (A).
 * Raw input must still be a finite number within 0–100, else INVALID_SCORE.
 */
import { DomainError } from "./errors.ts";

export type GradingSchemeKey = "letter-2566" | "five-level-2567";
export const GRADING_SCHEME_KEYS: readonly GradingSchemeKey[] = ["letter-2566", "five-level-2567"];

export type LetterGrade = "AA" | "A" | "B" | "C" | "D" | "E" | "F";
export type FiveLevel = "excellent" | "good" | "pass" | "improve" | "urgent";

export interface GradeBand<Code extends string = string> {
  code: Code;
  labelTh: string;
  labelEn: string;
  passed: boolean;
  /** Lowest total (rounded to 2 decimals) that reaches this band. */
  minTotal: number;
  /** If set, IIT, EIT and OIT must each be present and reach this value too. */
  minEachInstrument?: number;
}

export interface GradingScheme<Code extends string = string> {
  key: GradingSchemeKey;
  titleTh: string;
  titleEn: string;
  /** Total at or above which an agency passes (the national target). */
  passThreshold: number;
  /** Best band first; the last band must have minTotal 0 so every score gets a grade. */
  bands: readonly GradeBand<Code>[];
}

const LETTER_BANDS: readonly GradeBand<LetterGrade>[] = [
  { code: "AA", minTotal: 95, passed: true, labelTh: "ผ่าน ระดับ AA", labelEn: "Passed, grade AA" },
  { code: "A", minTotal: 85, passed: true, labelTh: "ผ่าน ระดับ A", labelEn: "Passed, grade A" },
  {
    code: "B",
    minTotal: 75,
    passed: false,
    labelTh: "ไม่ผ่าน ระดับ B",
    labelEn: "Not passed, grade B",
  },
  {
    code: "C",
    minTotal: 65,
    passed: false,
    labelTh: "ไม่ผ่าน ระดับ C",
    labelEn: "Not passed, grade C",
  },
  {
    code: "D",
    minTotal: 55,
    passed: false,
    labelTh: "ไม่ผ่าน ระดับ D",
    labelEn: "Not passed, grade D",
  },
  {
    code: "E",
    minTotal: 40,
    passed: false,
    labelTh: "ไม่ผ่าน ระดับ E",
    labelEn: "Not passed, grade E",
  },
  {
    code: "F",
    minTotal: 0,
    passed: false,
    labelTh: "ไม่ผ่าน ระดับ F",
    labelEn: "Not passed, grade F",
  },
];

const FIVE_LEVEL_BANDS: readonly GradeBand<FiveLevel>[] = [
  {
    code: "excellent",
    minTotal: 95,
    minEachInstrument: 95,
    passed: true,
    labelTh: "ผ่านดีเยี่ยม",
    labelEn: "Excellent",
  },
  {
    code: "good",
    minTotal: 85,
    minEachInstrument: 85,
    passed: true,
    labelTh: "ผ่านดี",
    labelEn: "Good",
  },
  { code: "pass", minTotal: 85, passed: true, labelTh: "ผ่าน", labelEn: "Pass" },
  {
    code: "improve",
    minTotal: 70,
    passed: false,
    labelTh: "ต้องปรับปรุง",
    labelEn: "Needs improvement",
  },
  {
    code: "urgent",
    minTotal: 0,
    passed: false,
    labelTh: "ต้องปรับปรุงโดยด่วน",
    labelEn: "Needs urgent improvement",
  },
];

export const GRADING_SCHEMES: {
  "letter-2566": GradingScheme<LetterGrade>;
  "five-level-2567": GradingScheme<FiveLevel>;
} = {
  "letter-2566": {
    key: "letter-2566",
    titleTh: "ระดับผลการประเมิน AA–F (เกณฑ์ปี 2566)",
    titleEn: "Letter grades AA–F (2566 criteria)",
    passThreshold: 85,
    bands: LETTER_BANDS,
  },
  "five-level-2567": {
    key: "five-level-2567",
    titleTh: "ผลการประเมิน 5 ระดับ (ตั้งแต่ปี 2567)",
    titleEn: "Five-level results (since 2567)",
    passThreshold: 85,
    bands: FIVE_LEVEL_BANDS,
  },
};

export function isGradingSchemeKey(x: unknown): x is GradingSchemeKey {
  return typeof x === "string" && (GRADING_SCHEME_KEYS as readonly string[]).includes(x);
}

/**
 * Round half-up to 2 decimals as the number is written in decimal. `toPrecision(15)`
 * removes binary noise first (84.995 * 100 may be 8499.499999…), then we round.
 */
export function roundScore(x: number): number {
  return Math.round(Number((x * 100).toPrecision(15))) / 100;
}

/** Throws INVALID_SCORE unless `x` is a finite number within 0–100. */
export function assertScore(x: number, field = "score"): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0 || x > 100) {
    throw new DomainError("INVALID_SCORE", `Invalid ${field}: ${String(x)}`, { field, value: x });
  }
  return x;
}

export interface ScoreSet {
  total: number;
  iit?: number | null;
  eit?: number | null;
  oit?: number | null;
}

export interface GradeResult {
  scheme: GradingSchemeKey;
  code: string;
  labelTh: string;
  labelEn: string;
  passed: boolean;
}

function findBand<Code extends string>(
  bands: readonly GradeBand<Code>[],
  scores: ScoreSet,
): GradeBand<Code> {
  const total = roundScore(assertScore(scores.total, "total"));
  const parts: (number | null)[] = (["iit", "eit", "oit"] as const).map((k) => {
    const v = scores[k];
    return v === undefined || v === null ? null : roundScore(assertScore(v, k));
  });
  const band = bands.find(
    (b) =>
      total >= b.minTotal &&
      // A band that needs each instrument cannot be reached when one is unknown.
      (b.minEachInstrument === undefined ||
        parts.every((p) => p !== null && p >= (b.minEachInstrument ?? 0))),
  );
  if (!band)
    throw new Error("Grading scheme has no band for this score (last band must start at 0)");
  return band;
}

export function gradeResult(scheme: GradingSchemeKey, scores: ScoreSet): GradeResult {
  const band = findBand<string>(GRADING_SCHEMES[scheme].bands, scores);
  return {
    scheme,
    code: band.code,
    labelTh: band.labelTh,
    labelEn: band.labelEn,
    passed: band.passed,
  };
}

export function letterGrade(score: number): LetterGrade {
  return findBand(GRADING_SCHEMES["letter-2566"].bands, { total: score }).code;
}

/** Missing instrument scores (null/undefined) cap the result at "pass". */
export function fiveLevelGrade(scores: ScoreSet): FiveLevel {
  return findBand(GRADING_SCHEMES["five-level-2567"].bands, scores).code;
}

export interface InstrumentWeights {
  iit: number;
  eit: number;
  oit: number;
}

/** 2566 weights (docs/domain.md §1): IIT 30, EIT 30, OIT 40. */
export const DEFAULT_INSTRUMENT_WEIGHTS: Readonly<InstrumentWeights> = {
  iit: 30,
  eit: 30,
  oit: 40,
};

/** Weighted total of the three instruments, rounded to 2 decimals. Weights need not sum to 100. */
export function weightedTotal(
  scores: { iit: number; eit: number; oit: number },
  weights: InstrumentWeights = DEFAULT_INSTRUMENT_WEIGHTS,
): number {
  const sum = weights.iit + weights.eit + weights.oit;
  const weightsOk = [weights.iit, weights.eit, weights.oit].every(
    (w) => Number.isFinite(w) && w >= 0,
  );
  if (!weightsOk || !(sum > 0)) {
    throw new DomainError("INVALID_INPUT", "Weights must be non-negative with a positive sum", {
      weights,
    });
  }
  const raw =
    (assertScore(scores.iit, "iit") * weights.iit +
      assertScore(scores.eit, "eit") * weights.eit +
      assertScore(scores.oit, "oit") * weights.oit) /
    sum;
  return roundScore(raw);
}
