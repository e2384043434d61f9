/**
 * The year's integrity and transparency measures and their implementation
 * (docs/domain.md §9): weak points found in last year's ITA result, a measure for each,
 * progress reported during the year, and the Thai document published as the year's
 * measures items (the framework items tagged `measures` / `measures-implementation`).
 * Pure: the PDF (api) and the admin's printable page both lay out `measuresDocument`.
 */
import { fiscalYearLabel } from "./fiscal-year.ts";
import { ITA_INDICATORS, type IndicatorScores } from "./results.ts";
import { formatNumberTh, formatThaiDate, toThaiDigits } from "./thai-date.ts";

/** Where a weak point comes from: one of the ten indicators, or one question of IIT/EIT (I10, E4). */
export const WEAK_POINT_SOURCES = ["indicator", "question"] as const;
export type WeakPointSource = (typeof WEAK_POINT_SOURCES)[number];

export const WEAK_POINT_SOURCE_LABELS: Readonly<
  Record<WeakPointSource, { th: string; en: string }>
> = {
  indicator: { th: "ตัวชี้วัด", en: "Indicator" },
  question: { th: "ข้อคำถาม", en: "Question" },
};

/** A question of the IIT/EIT questionnaires as NACC numbers them: I1–I15, E1–E15. */
export const QUESTION_CODE_PATTERN = /^[IE][0-9]{1,2}$/;

/** How far a measure has come, as a progress update reports it. */
export const MEASURE_STATUSES = ["not-started", "in-progress", "done", "delayed"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_STATUS_LABELS: Readonly<Record<MeasureStatus, { th: string; en: string }>> = {
  "not-started": { th: "ยังไม่เริ่มดำเนินการ", en: "Not started" },
  "in-progress": { th: "อยู่ระหว่างดำเนินการ", en: "In progress" },
  done: { th: "ดำเนินการแล้วเสร็จ", en: "Done" },
  delayed: { th: "ล่าช้ากว่ากำหนด", en: "Delayed" },
};

/**
 * Below this score an indicator of last year's result is proposed as a weak point. The
 * Lopburi PAO analysis (seed `lopburi-pao-2566-…`) counts every indicator of 85 or more
 * as meeting its target; an editor may choose another threshold when prefilling.
 */
export const DEFAULT_WEAK_POINT_THRESHOLD = 85;

export interface ProposedWeakPoint {
  source: WeakPointSource;
  code: string;
  score: number;
  finding: string;
}

/**
 * The indicators of a stored result scoring below `threshold`, lowest first, each with a
 * finding to start from (the editor rewrites it). Unknown scores are never proposed.
 */
export function proposeWeakPoints(
  indicators: IndicatorScores | null | undefined,
  resultYear: number,
  threshold: number = DEFAULT_WEAK_POINT_THRESHOLD,
): ProposedWeakPoint[] {
  if (!indicators) return [];
  return ITA_INDICATORS.flatMap((indicator, i) => {
    const score = indicators[i];
    if (score == null || score >= threshold) return [];
    return [
      {
        source: "indicator" as const,
        code: String(indicator.no),
        score,
        finding: `ผลการประเมิน ITA ประจำปี พ.ศ. ${resultYear} ตัวชี้วัดที่ ${indicator.no} ${indicator.labelTh} ได้ ${formatNumberTh(score, { maximumFractionDigits: 2 })} คะแนน ต่ำกว่าเป้าหมาย ${threshold} คะแนน`,
      },
    ];
  }).sort((a, b) => a.score - b.score);
}

/** "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ" / "ข้อ I10" (and the English twin). */
export function weakPointLabel(
  source: WeakPointSource,
  code: string,
  lang: "th" | "en" = "th",
): string {
  if (source === "indicator") {
    const indicator = ITA_INDICATORS.find((i) => String(i.no) === code);
    const name = indicator ? (lang === "th" ? indicator.labelTh : indicator.labelEn) : "";
    return (lang === "th" ? `ตัวชี้วัดที่ ${code} ${name}` : `Indicator ${code} ${name}`).trimEnd();
  }
  return lang === "th" ? `ข้อ ${code}` : `Question ${code}`;
}

export interface MeasureRecord {
  source: WeakPointSource;
  code: string;
  score: number | null;
  finding: string;
  measureTitle: string;
  steps: readonly string[];
  /** Calendar dates (YYYY-MM-DD, Bangkok). */
  startDate: string;
  endDate: string;
  responsibleUnit: string;
  monitoring: string;
  progress: readonly { date: string; status: MeasureStatus; text: string }[];
}

export type MeasuresDocumentPart = "measures" | "implementation";

/**
 * Part 2's table as the seeds set it out: one row per measure, each cell a list of
 * paragraphs (the layouts wrap them to the column).
 */
export interface DocumentTable {
  headings: readonly string[];
  rows: readonly (readonly (readonly string[])[])[];
}

export type DocumentBlock =
  | {
      /** heading: a section's title; label: a field's name; text: a paragraph; item: a numbered line. */
      kind: "heading" | "label" | "text" | "item";
      text: string;
    }
  | { kind: "table"; table: DocumentTable };

export interface MeasuresDocument {
  /** One line: the file's title, the page's title. */
  title: string;
  /** The centred title block of the seeds: what, the fiscal year, ของ, the agency. */
  header: readonly string[];
  /** The date line under it. */
  subtitle: string;
  blocks: DocumentBlock[];
}

/**
 * The five columns of part 2, in the words and order of the Lopburi PAO seed
 * (`lopburi-pao-2566-…`). Lamphun's seed has ประเด็น first and no monitoring column; its
 * issue is kept here inside the measure's cell (ประเด็นที่ n …, as part 1 names it), so
 * every field of a measure has its place and none is dropped.
 */
export const MEASURES_TABLE_HEADINGS = [
  "มาตรการ/แนวทาง",
  "วิธีดำเนินการ",
  "ผู้รับผิดชอบ",
  "ระยะเวลาดำเนินการ",
  "การติดตาม/การรายงานผล",
] as const;

const th = (s: string) => toThaiDigits(s);
const thaiDate = (d: string) => formatThaiDate(d, { thaiDigits: true });
/** An indicator's number is ours (ตัวชี้วัดที่ ๔); a question's code is NACC's (ข้อ I10). */
const issueLabel = (m: Pick<MeasureRecord, "source" | "code">) =>
  m.source === "indicator"
    ? th(weakPointLabel(m.source, m.code))
    : weakPointLabel(m.source, m.code);

/**
 * The Thai document of a year's measures (`measures`, the year's O42-like item) or of
 * their implementation (`implementation`), in the order of the seeds
 * `lamphun-2568-…` and `lopburi-pao-2566-…`: part 1 analyses last year's result (issue,
 * score, finding), part 2 sets the measures out as the seeds' five-column table (measure,
 * steps, responsible unit, period, monitoring and reporting); the implementation report
 * adds each measure's progress to its reporting cell. Official documents write Thai digits.
 */
export function measuresDocument(input: {
  agencyName: string;
  fiscalYear: number;
  part: MeasuresDocumentPart;
  measures: readonly MeasureRecord[];
  /** When the document was made (its date line). */
  madeOn: string;
}): MeasuresDocument {
  const { agencyName, fiscalYear, part, measures } = input;
  const resultYear = fiscalYear - 1;
  const what =
    part === "measures"
      ? "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
      : "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";
  const title = `${what} ${th(fiscalYearLabel(fiscalYear))}`;
  const blocks: DocumentBlock[] = [];
  const push = (kind: Exclude<DocumentBlock["kind"], "table">, text: string) =>
    blocks.push({ kind, text });

  // Our own numbers (years, order, scores, dates) in Thai digits; codes (I10) and what
  // the editor wrote stay as written.
  const n = (x: number) => th(String(x));
  push("heading", `ส่วนที่ ๑ การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ปี พ.ศ. ${n(resultYear)}`);
  if (measures.length === 0)
    push("text", "ไม่พบประเด็นที่ต้องปรับปรุงจากผลการประเมินปีที่ผ่านมา หน่วยงานจะรักษามาตรฐานไว้");
  measures.forEach((m, i) => {
    push("label", `ประเด็นที่ ${n(i + 1)} ${issueLabel(m)}`);
    if (m.score != null)
      push("text", `คะแนน ${th(formatNumberTh(m.score, { minimumFractionDigits: 2 }))} คะแนน`);
    push("text", m.finding);
  });

  push("heading", `ส่วนที่ ๒ การนำผลการวิเคราะห์ไปสู่การปฏิบัติ ${th(fiscalYearLabel(fiscalYear))}`);
  if (measures.length > 0)
    blocks.push({
      kind: "table",
      table: {
        headings: MEASURES_TABLE_HEADINGS,
        rows: measures.map((m, i) => [
          [`${n(i + 1)}. ${m.measureTitle}`, `ประเด็นที่ ${n(i + 1)} ${issueLabel(m)}`],
          m.steps.map((s, j) => `${n(j + 1)}. ${s}`),
          [m.responsibleUnit],
          // A date a line: a narrow column then never parts a day from its month.
          [`${thaiDate(m.startDate)} –`, thaiDate(m.endDate)],
          [
            m.monitoring,
            ...(part === "implementation"
              ? [
                  "ผลการดำเนินการ",
                  ...(m.progress.length === 0
                    ? ["ยังไม่มีการรายงานผล"]
                    : m.progress.map(
                        (p) =>
                          `${thaiDate(p.date)} (${MEASURE_STATUS_LABELS[p.status].th}) ${p.text}`,
                      )),
                ]
              : []),
          ],
        ]),
      },
    });

  return {
    title,
    // As both seeds open: the title, ประจำปีงบประมาณ พ.ศ. …, ของ, the agency.
    header: [what, `ประจำ${th(fiscalYearLabel(fiscalYear))}`, "ของ", agencyName],
    subtitle: `จัดทำเมื่อ ${thaiDate(input.madeOn)}`,
    blocks,
  };
}

/** The file name of the generated document, the same each time so a new one replaces the old in a draft. */
export function measuresFileName(part: MeasuresDocumentPart, fiscalYear: number): string {
  return part === "measures"
    ? `มาตรการส่งเสริมคุณธรรมและความโปร่งใส-${fiscalYear}.pdf`
    : `ผลการดำเนินการตามมาตรการ-${fiscalYear}.pdf`;
}

/** The draft entry's title. */
export function measuresEntryTitle(part: MeasuresDocumentPart, fiscalYear: number): string {
  return part === "measures"
    ? `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ${fiscalYearLabel(fiscalYear)}`
    : `การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ${fiscalYearLabel(fiscalYear)}`;
}
