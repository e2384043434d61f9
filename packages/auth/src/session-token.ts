import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/**
 * Session tokens after Lucia's current design (lucia-auth.com, "Sessions"): the token
 * is `<id>.<secret>`; the database stores the id and a SHA-256 hash of the secret only,
 * so a leaked session table cannot be replayed. Both parts carry 120 random bits.
 */
export interface GeneratedSessionToken {
  id: string;
  secretHash: Uint8Array;
  token: string;
}

function randomPart(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function generateSessionToken(): GeneratedSessionToken {
  const id = randomPart();
  const secret = randomPart();
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

/** Splits a presented token; returns null for anything that is not `<id>.<secret>`. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!/^[a-z2-7]{24}$/.test(id) || !/^[a-z2-7]{24}$/.test(secret)) return null;
  return { id, secret };
}

/** Constant-time check of a presented secret against the stored hash. */
export function verifySecret(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}

/** Random one-time token (invitations, password resets); store only its hash. */
export function generateOneTimeToken(): { token: string; hash: string } {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  return { token, hash: hashOneTimeToken(token) };
}

/** SHA-256 hex of a one-time token, as stored and looked up. */
export function hashOneTimeToken(token: string): string {
  return encodeHexLowerCase(hashSecret(token));
}
