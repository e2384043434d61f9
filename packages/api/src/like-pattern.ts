/**
 * LIKE patterns from what a person typed: `%`, `_` and `\` are taken literally (escaped
 * with LIKE's default escape character), so a filter for "50%" finds "50%", not
 * everything starting with "50".
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Matches `text` anywhere. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Matches values starting with `text`. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
