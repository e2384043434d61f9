import type { AgencyType } from "../agency-types.ts";
import type { CategoryNumber } from "../categories.ts";
import type { GradingSchemeKey } from "../grading.ts";

/** One required disclosure item of a year's OIT checklist (e.g. O28 complaint channel). */
export interface FrameworkItem {
  /** As NACC writes it: "O28", "MOIT22", "9.1"-style codes are mapped to such codes. */
  code: string;
  titleTh: string;
  titleEn: string;
  /** Public categories (docs/domain.md §2) the item is shown under; some items span two. */
  categories: CategoryNumber[];
  /** ITA indicator (1–10) the item counts towards, when known. */
  indicator: number | null;
  /** Review round in which the province checks the item, when the year has rounds. */
  reviewRound: number | null;
  sortOrder: number;
}

export interface ReviewRound {
  round: number;
  /** ISO yyyy-mm-dd, CE. */
  deadline: string;
}

/** An assessment framework: versioned data per fiscal year and agency type. */
export interface FrameworkDefinition {
  /** e.g. "ita-2566". */
  key: string;
  /** BE. */
  fiscalYear: number;
  /** Agency types it applies to. */
  agencyTypes: AgencyType[];
  titleTh: string;
  titleEn: string;
  gradingScheme: GradingSchemeKey;
  reviewRounds: ReviewRound[];
  items: FrameworkItem[];
}
