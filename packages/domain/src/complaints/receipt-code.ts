/**
 * The receipt code is the complainant's only key to a complaint: no account, no
 * e-mail. 20 Crockford base32 characters carry 100 random bits, written in five
 * groups of four (`K7QF-3M9X-…`) so it can be read over the phone and typed back.
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECEIPT_CODE_CHARS = 20;
/** Bytes of randomness needed for one code (100 bits, rounded up). */
export const RECEIPT_CODE_BYTES = 13;
const GROUP = 4;

/** Formats the first 100 bits of `bytes` (≥ 13 bytes) as a grouped code. */
export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_CODE_BYTES) throw new Error("receipt code needs 13 random bytes");
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < RECEIPT_CODE_CHARS) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === RECEIPT_CODE_CHARS) break;
  }
  return out.match(new RegExp(`.{${GROUP}}`, "g"))!.join("-");
}

/**
 * What a person typed → the canonical grouped code, or null when it cannot be one.
 * Crockford's rules: case-insensitive, I/L read as 1, O as 0, spaces and dashes ignored.
 */
export function normalizeReceiptCode(input: string): string | null {
  const plain = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (plain.length !== RECEIPT_CODE_CHARS) return null;
  for (const ch of plain) if (!ALPHABET.includes(ch)) return null;
  return plain.match(new RegExp(`.{${GROUP}}`, "g"))!.join("-");
}
