import { isAgencyType } from "../agency-types.ts";
import { isCategoryNumber } from "../categories.ts";
import { isValidFiscalYear } from "../fiscal-year.ts";
import { isGradingSchemeKey } from "../grading.ts";
import { isSlug } from "../slug.ts";
import { isEvidenceKind, isItemCadence } from "./expectations.ts";
import { isItemTag } from "./tags.ts";
import type { FrameworkDefinition } from "./types.ts";

/** Same shape as `ItemCodeInput`: letters then digits (O1, MOIT22, A1.2). */
export const ITEM_CODE_PATTERN = /^[A-Z]{1,6}\d{1,3}(\.\d+)?$/;

/**
 * The framework that governs `agencyType` in `fiscalYear`: that year's own, else
 * the latest earlier year's (`inherited: true` — NACC has not published the new
 * criteria yet and the UI says so), else null. Later years never apply backwards.
 * If two frameworks tie, the first in `frameworks` wins.
 */
export function selectFramework<T extends { fiscalYear: number; agencyTypes: readonly string[] }>(
  frameworks: readonly T[],
  fiscalYear: number,
  agencyType: string,
): { framework: T; inherited: boolean } | null {
  let best: T | null = null;
  for (const f of frameworks) {
    if (f.fiscalYear > fiscalYear || !f.agencyTypes.includes(agencyType)) continue;
    if (best === null || f.fiscalYear > best.fiscalYear) best = f;
  }
  return best === null ? null : { framework: best, inherited: best.fiscalYear !== fiscalYear };
}

const blank = (s: unknown): boolean => typeof s !== "string" || s.trim() === "";

/**
 * Problems in a framework an administrator entered as data; empty when it is usable.
 * Messages are English and name the offending field, for the admin form and seed logs.
 */
export function validateFramework(def: FrameworkDefinition): string[] {
  const problems: string[] = [];
  const add = (msg: string) => problems.push(msg);

  if (!isSlug(def.key)) add(`key "${def.key}" must be a slug such as "ita-2567"`);
  if (!isValidFiscalYear(def.fiscalYear))
    add(`fiscalYear ${def.fiscalYear} must be a BE year 2500–2700`);
  if (blank(def.titleTh)) add("titleTh is empty");
  if (blank(def.titleEn)) add("titleEn is empty");
  if (!isGradingSchemeKey(def.gradingScheme))
    add(`gradingScheme "${String(def.gradingScheme)}" is unknown`);

  if (def.agencyTypes.length === 0)
    add("agencyTypes is empty: the framework would apply to no agency");
  for (const t of def.agencyTypes)
    if (!isAgencyType(t)) add(`agency type "${String(t)}" is unknown`);
  if (new Set(def.agencyTypes).size !== def.agencyTypes.length) add("agencyTypes has duplicates");

  if (def.items.length === 0) add("items is empty");
  const codes = new Set<string>();
  const sortOrders = new Set<number>();
  const tags = new Set<string>();
  def.items.forEach((item, i) => {
    const where = `item ${i + 1} (${item.code || "no code"})`;
    if (!ITEM_CODE_PATTERN.test(item.code))
      add(`${where}: code must be letters then digits, such as O1 or MOIT22`);
    if (codes.has(item.code)) add(`${where}: duplicate code ${item.code}`);
    codes.add(item.code);
    if (blank(item.titleTh)) add(`${where}: titleTh is empty`);
    if (blank(item.titleEn)) add(`${where}: titleEn is empty`);
    if (item.categories.length === 0) add(`${where}: has no category`);
    for (const c of item.categories)
      if (!isCategoryNumber(c)) add(`${where}: unknown category ${String(c)}`);
    if (new Set(item.categories).size !== item.categories.length)
      add(`${where}: categories has duplicates`);
    if (
      item.indicator !== null &&
      !(Number.isInteger(item.indicator) && item.indicator >= 1 && item.indicator <= 10)
    ) {
      add(`${where}: indicator ${item.indicator} must be 1–10 or null`);
    }
    if (!isItemCadence(item.cadence)) add(`${where}: cadence "${String(item.cadence)}" is unknown`);
    if (!Array.isArray(item.evidence) || item.evidence.length === 0)
      add(`${where}: evidence is empty: say what shows the item (document, link or text)`);
    else {
      for (const e of item.evidence)
        if (!isEvidenceKind(e)) add(`${where}: unknown evidence "${String(e)}"`);
      if (new Set(item.evidence).size !== item.evidence.length)
        add(`${where}: evidence has duplicates`);
    }
    if (!Number.isInteger(item.sortOrder)) add(`${where}: sortOrder must be an integer`);
    if (sortOrders.has(item.sortOrder)) add(`${where}: sortOrder ${item.sortOrder} is used twice`);
    sortOrders.add(item.sortOrder);
    const tag = item.tag ?? null;
    if (tag !== null) {
      if (!isItemTag(tag)) add(`${where}: tag "${String(tag)}" is unknown`);
      if (tags.has(tag)) add(`${where}: tag ${tag} is given to two items`);
      tags.add(tag);
    }
  });

  return problems;
}
