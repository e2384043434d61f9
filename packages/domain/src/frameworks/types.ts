import type { AgencyType } from "../agency-types.ts";
import type { CategoryNumber } from "../categories.ts";
import type { GradingSchemeKey } from "../grading.ts";
import type { EvidenceKind, ItemCadence } from "./expectations.ts";
import type { ItemTag } from "./tags.ts";

/** One required disclosure item of a year's OIT checklist (e.g. the complaint channel). */
export interface FrameworkItem {
  /** As NACC writes it (O1–O43, MOIT1…); "9.1"-style codes are mapped to such codes. */
  code: string;
  titleTh: string;
  titleEn: string;
  /** Public categories (docs/domain.md §2) the item is shown under; some items span two. */
  categories: CategoryNumber[];
  /** ITA indicator (1–10) the item counts towards, when known. */
  indicator: number | null;
  sortOrder: number;
  /** How many entries a fiscal year needs: once, or one a quarter or a month (October first). */
  cadence: ItemCadence;
  /**
   * The kinds of evidence that show the item, any one of which will do: a file, a link,
   * or the entry's own text. Submitting and approving warn when an entry has none of them.
   */
  evidence: EvidenceKind[];
  /** The role the item plays in the portal (complaint channel, …); code never names items. */
  tag?: ItemTag | null;
  /** What must be shown for the item (NACC's description), Thai and English; may be empty. */
  guidanceTh?: string;
  guidanceEn?: string;
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
  items: FrameworkItem[];
}
