import { ITA_2566 } from "./ita-2566.ts";
import type { FrameworkDefinition } from "./types.ts";

export type { FrameworkDefinition, FrameworkItem } from "./types.ts";
export { ITA_2566 } from "./ita-2566.ts";
export {
  FrameworkHeaderRecord,
  FrameworkItemRecord,
  ITEM_CSV_COLUMNS,
  itemFromCsvRow,
  itemToCsvRow,
  parseFrameworkJson,
  parseItems,
  shiftYear,
  type FrameworkFile,
  type FrameworkHeaderData,
  type FrameworkItemData,
  type ImportProblem,
  type Parsed,
} from "./exchange.ts";
export { isItemTag, ITEM_TAG_LABELS, ITEM_TAGS, itemByTag, type ItemTag } from "./tags.ts";
export { monthsNamedIn, periodNamedIn, shiftFiscalYearText } from "./period-text.ts";
export {
  itemProgress,
  progressSummary,
  type ItemProgress,
  type ProgressEntry,
} from "./progress.ts";
export {
  CADENCE_EXPECTED_COUNT,
  CADENCE_LABELS,
  EVIDENCE_KINDS,
  EVIDENCE_LABELS,
  expectedCount,
  fiscalMonth,
  isEvidenceKind,
  isItemCadence,
  isValidPeriod,
  ITEM_CADENCES,
  missingEvidence,
  periodEndsAt,
  periodLabel,
  periodShortLabel,
  periodsOf,
  type EvidenceKind,
  type ItemCadence,
} from "./expectations.ts";
export { ITEM_CODE_PATTERN, selectFramework, validateFramework } from "./select.ts";

/** Frameworks shipped with the code (seed data); later years are added by administrators as data. */
export const BUILT_IN_FRAMEWORKS: readonly FrameworkDefinition[] = [ITA_2566];
