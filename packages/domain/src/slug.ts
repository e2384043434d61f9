/** URL slugs for agencies and pages: lowercase ASCII words joined by single hyphens. */

export const SLUG_MIN_LENGTH = 2;
export const SLUG_MAX_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(s: unknown): s is string {
  return (
    typeof s === "string" &&
    s.length >= SLUG_MIN_LENGTH &&
    s.length <= SLUG_MAX_LENGTH &&
    SLUG_PATTERN.test(s)
  );
}

/**
 * Slug from Latin text ("Lamphun PAO" → "lamphun-pao"); accents are dropped.
 * Thai script has no ASCII form here, so Thai-only text yields "": give agencies a
 * romanised name (RTGS) and check the result with `isSlug`.
 */
export function slugify(latinText: string): string {
  return latinText
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
}
