import { normaliseSearchText } from "@ita/db/search";
import { SEARCH_MAX_TERMS } from "@ita/domain/schemas";

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/**
 * The words of a query: normalised like the indexed text, split by ICU's Thai word
 * segmenter (Thai has no spaces), word-like segments only, each once. Every term must
 * occur in a result. "จัดซื้อจัดจ้าง" → จัด, ซื้อ, จ้าง.
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const s of segmenter.segment(normaliseSearchText(query))) {
    if (s.isWordLike) terms.push(s.segment);
  }
  return distinct(terms);
}

/** The query has more distinct words than a search uses. */
export function hasTooManyTerms(query: string): boolean {
  const words = new Set<string>();
  for (const s of segmenter.segment(normaliseSearchText(query))) {
    if (s.isWordLike) words.add(s.segment);
  }
  return words.size > SEARCH_MAX_TERMS;
}

/** A phrase longer than this is matched word by word (a pasted sentence rarely occurs verbatim). */
export const MAX_PHRASE_LENGTH = 30;

/**
 * The phrases of a query as typed: runs of words not separated by spaces or
 * punctuation. "ไฟป่า" stays one phrase: split, ไฟ is too short for a trigram and ป่า
 * (pg_trgm breaks words at Thai tone marks) matches most of the index, so the phrase
 * is both what the visitor meant and what the trigram index can find fast
 * (docs/performance.md, finding 4). "E-Service, O28!" → service, o28.
 */
export function searchPhrases(query: string): string[] {
  const phrases: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const phrase = run.join("");
    if (phrase.length > MAX_PHRASE_LENGTH) phrases.push(...run);
    else if (phrase) phrases.push(phrase);
    run = [];
  };
  for (const s of segmenter.segment(normaliseSearchText(query))) {
    if (s.isWordLike) run.push(s.segment);
    else flush();
  }
  flush();
  return distinct(phrases);
}

/** Each once, at most SEARCH_MAX_TERMS; a term inside a longer one adds no condition ("จัด" in "จัดซื้อ"). */
function distinct(terms: string[]): string[] {
  const unique = [...new Set(terms)].slice(0, SEARCH_MAX_TERMS);
  return unique.filter((t, _, all) => !all.some((o) => o !== t && o.includes(t)));
}
