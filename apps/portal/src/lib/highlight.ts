import { escapeXml } from "./xml.ts";

/**
 * HTML of `text` with every occurrence of the search terms in <mark>. The text is
 * escaped piece by piece, so nothing from the database or the query becomes markup.
 * Matching is case-insensitive on NFC text, like the search itself.
 */
export function highlight(text: string, terms: readonly string[]): string {
  const source = text.normalize("NFC");
  const lower = source.toLowerCase();
  const wanted = terms.filter((t) => t.length > 0);
  // Mark the longest match at each position; lower-casing Thai and ASCII keeps lengths.
  const marks: boolean[] = new Array<boolean>(source.length).fill(false);
  if (lower.length === source.length) {
    for (const term of wanted) {
      for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + term.length)) {
        for (let j = i; j < i + term.length; j++) marks[j] = true;
      }
    }
  }
  let out = "";
  let i = 0;
  while (i < source.length) {
    const on = marks[i]!;
    let j = i;
    while (j < source.length && marks[j] === on) j++;
    const piece = escapeXml(source.slice(i, j));
    out += on ? `<mark>${piece}</mark>` : piece;
    i = j;
  }
  return out;
}
