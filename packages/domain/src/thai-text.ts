/**
 * Thai text as it comes out of files (pdf.js, poppler, OCR, Office) made right for
 * storage and search. Pure: the same rules fold queries, titles and extracted text, and
 * the database's `search_key()` (migration 0014) implements `thaiSearchKey` in SQL —
 * `thai-text.test.ts` and `packages/db` check that the two agree.
 */

/**
 * Legacy positional glyphs of Thai fonts (TH SarabunPSK, Tahoma…) in the private-use
 * area U+F700–U+F71A, which Word's PDFs often carry instead of the real marks: shifted
 * or lowered tone marks and vowels, and ฐ/ญ without their descender.
 */
const LEGACY_GLYPHS = [
  "\u0E10", // F700 ฐ without descender
  "\u0E34", // F701 sara i, left
  "\u0E35", // F702 sara ii, left
  "\u0E36", // F703 sara ue, left
  "\u0E37", // F704 sara uee, left
  "\u0E48", // F705 mai ek, low left
  "\u0E49", // F706 mai tho, low left
  "\u0E4A", // F707 mai tri, low left
  "\u0E4B", // F708 mai chattawa, low left
  "\u0E4C", // F709 thanthakhat, low left
  "\u0E48", // F70A mai ek, low
  "\u0E49", // F70B mai tho, low
  "\u0E4A", // F70C mai tri, low
  "\u0E4B", // F70D mai chattawa, low
  "\u0E4C", // F70E thanthakhat, low
  "\u0E0D", // F70F ญ without descender
  "\u0E31", // F710 mai han-akat, left
  "\u0E4D", // F711 nikhahit, left
  "\u0E47", // F712 maitaikhu, left
  "\u0E48", // F713 mai ek, left
  "\u0E49", // F714 mai tho, left
  "\u0E4A", // F715 mai tri, left
  "\u0E4B", // F716 mai chattawa, left
  "\u0E4C", // F717 thanthakhat, left
  "\u0E38", // F718 sara u, low
  "\u0E39", // F719 sara uu, low
  "\u0E3A", // F71A phinthu, low
] as const;

/** The private-use code points and what each stands for, in order (for the SQL twin). */
export const THAI_LEGACY_FROM = LEGACY_GLYPHS.map((_, i) => String.fromCharCode(0xf700 + i)).join(
  "",
);
export const THAI_LEGACY_TO = LEGACY_GLYPHS.join("");

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

// Control characters (NUL first: PostgreSQL refuses it), zero-width characters Thai
// word processors scatter through text, soft hyphens and U+FFFD left by broken fonts.
// Newlines and tabs stay: the search key needs to know where lines broke.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF\uFFFD]/g;
const LEGACY = /[\uF700-\uF71A]/g;
/** Nikhahit + sara aa (what PDFs and OCR give for sara am), possibly with a tone mark between. */
const SPLIT_SARA_AM = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;
const THAI = "\u0E01-\u0E5B";
/** A line break between two Thai characters: Thai wraps lines inside a run without a space. */
const THAI_LINE_BREAK = new RegExp(`([${THAI}])[ \\t]*\\n\\s*(?=[${THAI}])`, "g");

/**
 * Extracted text fit to store and show: well-formed NFC, no control or zero-width
 * characters, legacy glyphs and split sara am repaired, runs of spaces and blank lines
 * collapsed. Line breaks are kept.
 */
export function cleanThaiText(raw: string): string {
  return raw
    .toWellFormed()
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(LEGACY, (c) => LEGACY_GLYPHS[c.charCodeAt(0) - 0xf700]!)
    .normalize("NFC")
    .replace(SPLIT_SARA_AM, "$1\u0E33")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The form text is matched in (indexed text, titles, queries): cleaned, line breaks
 * inside Thai runs removed (so ประพฤติ⏎มิชอบ is one word again), Thai digits as Arabic
 * (๒๕๖๘ = 2568), spaces collapsed, lower case.
 */
export function thaiSearchKey(text: string): string {
  return cleanThaiText(text)
    .replace(THAI_LINE_BREAK, "$1")
    .replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)))
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
