import { normaliseSearchText } from "@ita/db/search";

export const MAX_SEARCH_TERMS = 12;

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/**
 * The words of a query: normalised like the indexed text, split by ICU's Thai word
 * segmenter (Thai has no spaces), word-like segments only, each once. Every term must
 * occur in a result. "จัดซื้อจัดจ้าง" → จัด, ซื้อ, จ้าง.
 */
export function searchTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const s of segmenter.segment(normaliseSearchText(query))) {
    if (s.isWordLike) terms.add(s.segment);
    if (terms.size === MAX_SEARCH_TERMS) break;
  }
  // A term inside a longer one adds no condition ("จัด" in "จัดซื้อ").
  return [...terms].filter((t, _, all) => !all.some((o) => o !== t && o.includes(t)));
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
