/**
 * A province's review plan for one fiscal year (docs/domain.md §6): the coordinator
 * checks agencies' disclosures in rounds, each with a deadline and the items it covers
 * (Lamphun 2566: 14 items by 31 Jan, 14 by 28 Feb, 15 by 7 Apr). Deadlines belong to
 * the province's plan, not to the national criteria: a province without a plan has no
 * deadlines.
 */
import { fiscalYearRange } from "./fiscal-year.ts";
import { shiftFiscalYearText } from "./frameworks/period-text.ts";
import { addWorkingDays, isIsoDate, workingDayOnOrAfter, type HolidaySet } from "./working-days.ts";

export interface PlanRound {
  /** 1, 2, 3 … within the province and fiscal year. */
  number: number;
  titleTh: string;
  /** ISO yyyy-mm-dd (CE), the last day agencies have. */
  deadline: string;
  itemCodes: readonly string[];
}

export interface PlanProblem {
  field: "number" | "titleTh" | "deadline" | "itemCodes";
  th: string;
  en: string;
}

export const MAX_REVIEW_ROUNDS = 12;

/** "ครั้งที่ 1": the title a round gets when the coordinator gives none. */
export function defaultRoundTitle(number: number): string {
  return `ครั้งที่ ${number}`;
}

/**
 * Problems with `round` as one round of a plan whose other rounds are `others`
 * (the round being edited is not among them); empty when it can be saved. An item
 * is checked in one round only, and must belong to the year's criteria (`knownCodes`).
 */
export function validatePlanRound(
  round: PlanRound,
  others: readonly PlanRound[],
  fiscalYear: number,
  knownCodes: ReadonlySet<string>,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!Number.isInteger(round.number) || round.number < 1 || round.number > MAX_REVIEW_ROUNDS)
    problems.push({
      field: "number",
      th: `ครั้งที่ต้องเป็นเลข 1–${MAX_REVIEW_ROUNDS}`,
      en: `Round number must be 1–${MAX_REVIEW_ROUNDS}`,
    });
  else if (others.some((o) => o.number === round.number))
    problems.push({
      field: "number",
      th: `มีรอบที่ ${round.number} อยู่แล้ว`,
      en: `Round ${round.number} already exists`,
    });
  if (round.titleTh.trim() === "")
    problems.push({ field: "titleTh", th: "กรุณากรอกชื่อรอบ", en: "Enter the round's title" });
  if (!isIsoDate(round.deadline)) {
    problems.push({
      field: "deadline",
      th: "กำหนดส่งไม่ใช่วันที่ที่ถูกต้อง",
      en: "The deadline is not a valid date",
    });
  } else {
    const { start, end } = fiscalYearRange(fiscalYear);
    if (round.deadline < start || round.deadline > end)
      problems.push({
        field: "deadline",
        th: `กำหนดส่งต้องอยู่ในปีงบประมาณ พ.ศ. ${fiscalYear}`,
        en: `The deadline must fall in fiscal year ${fiscalYear}`,
      });
  }
  if (round.itemCodes.length === 0)
    problems.push({
      field: "itemCodes",
      th: "กรุณาเลือกข้อที่ตรวจในรอบนี้อย่างน้อย 1 ข้อ",
      en: "Choose at least one item for this round",
    });
  const unknown = round.itemCodes.filter((c) => !knownCodes.has(c));
  if (unknown.length)
    problems.push({
      field: "itemCodes",
      th: `ไม่มีข้อ ${unknown.join(", ")} ในเกณฑ์ของปีนี้`,
      en: `Items ${unknown.join(", ")} are not in this year's criteria`,
    });
  const taken = round.itemCodes.filter((c) => others.some((o) => o.itemCodes.includes(c)));
  if (taken.length)
    problems.push({
      field: "itemCodes",
      th: `ข้อ ${taken.join(", ")} อยู่ในรอบอื่นแล้ว (ตรวจแต่ละข้อในรอบเดียว)`,
      en: `Items ${taken.join(", ")} are already in another round (each item is checked once)`,
    });
  if (new Set(round.itemCodes).size !== round.itemCodes.length)
    problems.push({ field: "itemCodes", th: "มีข้อซ้ำกัน", en: "An item is listed twice" });
  return problems;
}

/** Item code → the round that checks it and its deadline. */
export function roundsByItem<R extends PlanRound>(
  rounds: readonly R[],
): Map<string, { round: R; deadline: string }> {
  const map = new Map<string, { round: R; deadline: string }>();
  for (const r of [...rounds].sort((a, b) => a.number - b.number))
    for (const code of r.itemCodes)
      if (!map.has(code)) map.set(code, { round: r, deadline: r.deadline });
  return map;
}

/**
 * A plan's deadline moved to another fiscal year (copying last year's plan, demo
 * data): the same day and month, moved by the difference in years; 29 February falls
 * back to 28 February in a common year.
 */
export function moveDeadline(deadline: string, fromYear: number, toYear: number): string {
  const [y, m, d] = deadline.split("-").map(Number) as [number, number, number];
  const year = y + (toYear - fromYear);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** An item as a plan copy sees it: its code and, if it plays one, its role (`ITEM_TAGS`). */
export interface PlanItem {
  code: string;
  tag?: string | null;
}

export interface CopiedPlan {
  rounds: PlanRound[];
  /** Items of last year's rounds that the new year's criteria have no item for. */
  unmapped: { roundNumber: number; code: string }[];
  /** Items found under another code by their role (tag): last year's code → this year's. */
  renamed: { roundNumber: number; from: string; to: string }[];
  /** Rounds none of whose items the new criteria have: not copied (a round needs an item). */
  dropped: number[];
  /**
   * Deadlines that, a year on, fell on a weekend or a public holiday: moved on to the next
   * working day (`from` the date a year on, `to` the working day).
   */
  movedToWorkingDay: { roundNumber: number; from: string; to: string }[];
}

/**
 * Last year's plan (`rounds`, over `fromItems`) as this year's (`toItems`, fiscal year
 * `toYear`): the same rounds, deadlines moved a year (`moveDeadline`) and, when that day
 * is a weekend or one of `holidays` (ADR 0030), on to the next working day (back to the
 * one before if the next would leave the fiscal year), years in titles
 * moved (`shiftFiscalYearText`), and each item found in the new criteria by its role
 * (tag) first, else by its code. Items with no counterpart are left out and reported;
 * an item two old items map onto is checked in the first round only. A round left with
 * no item is not copied (`dropped`): a round checks at least one item.
 */
export function copyPlan(
  rounds: readonly PlanRound[],
  fromItems: readonly PlanItem[],
  toItems: readonly PlanItem[],
  toYear: number,
  holidays: HolidaySet,
): CopiedPlan {
  const tagOf = new Map(fromItems.map((i) => [i.code, i.tag ?? null]));
  const byTag = new Map(toItems.filter((i) => i.tag).map((i) => [i.tag!, i.code]));
  const codes = new Set(toItems.map((i) => i.code));
  const taken = new Set<string>();
  const yearEnd = fiscalYearRange(toYear).end;
  const out: CopiedPlan = {
    rounds: [],
    unmapped: [],
    renamed: [],
    dropped: [],
    movedToWorkingDay: [],
  };
  for (const r of [...rounds].sort((a, b) => a.number - b.number)) {
    const itemCodes: string[] = [];
    for (const code of r.itemCodes) {
      const tag = tagOf.get(code);
      const to = (tag ? byTag.get(tag) : undefined) ?? (codes.has(code) ? code : undefined);
      if (!to) {
        out.unmapped.push({ roundNumber: r.number, code });
        continue;
      }
      if (taken.has(to)) continue;
      taken.add(to);
      itemCodes.push(to);
      if (to !== code) out.renamed.push({ roundNumber: r.number, from: code, to });
    }
    if (itemCodes.length === 0) {
      out.dropped.push(r.number);
      continue;
    }
    const yearOn = moveDeadline(r.deadline, toYear - 1, toYear);
    const next = workingDayOnOrAfter(yearOn, holidays);
    // A deadline near the year's end (30 September 2028 is a Saturday) would leave the
    // fiscal year going forward: it takes the working day before instead.
    const deadline = next > yearEnd ? addWorkingDays(yearOn, -1, holidays) : next;
    if (deadline !== yearOn)
      out.movedToWorkingDay.push({ roundNumber: r.number, from: yearOn, to: deadline });
    out.rounds.push({
      number: r.number,
      titleTh: shiftFiscalYearText(r.titleTh, toYear),
      deadline,
      itemCodes,
    });
  }
  return out;
}
