import { createTOTPKeyURI, generateHOTP, generateTOTP } from "@oslojs/otp";
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import {
  decodeBase32IgnorePadding,
  encodeBase32UpperCaseNoPadding,
  encodeHexLowerCase,
} from "@oslojs/encoding";

const PERIOD_SECONDS = 30;
const DIGITS = 6;

export function generateTotpKey(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

export function totpUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, PERIOD_SECONDS, DIGITS);
}

/**
 * The time step (30-second counter) a code belongs to, accepting the current step and
 * its neighbours (clock drift on phones), or null. Callers store the step and refuse a
 * step that is not newer than the last accepted one, so a code works only once.
 */
export function matchTotpStep(
  key: Uint8Array,
  code: string,
  now: Date = new Date(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
  for (const step of [current, current - 1, current + 1]) {
    if (constantTimeEqualStrings(generateHOTP(key, BigInt(step), DIGITS), code)) return step;
  }
  return null;
}

/** Accepts the current code and the neighbouring ones (clock drift on phones). */
export function verifyTotp(key: Uint8Array, code: string, now: Date = new Date()): boolean {
  return matchTotpStep(key, code, now) !== null;
}

function constantTimeEqualStrings(a: string, b: string): boolean {
  return (
    a.length === b.length &&
    constantTimeEqual(new TextEncoder().encode(a), new TextEncoder().encode(b))
  );
}

export function generateRecoveryCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32UpperCaseNoPadding(bytes);
}

/** The key as people type it into an authenticator app when they cannot scan the QR code. */
export function totpSecretBase32(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

/** Recovery codes are stored as SHA-256 hex; case, spaces and dashes do not matter. */
export function hashRecoveryCode(code: string): string {
  return encodeHexLowerCase(
    sha256(new TextEncoder().encode(code.replace(/[\s-]/g, "").toUpperCase())),
  );
}

/** The current code for a base32 secret, as an authenticator app computes it (tests, scripts). */
export function totpCodeFromSecret(secretBase32: string): string {
  return generateTOTP(
    decodeBase32IgnorePadding(secretBase32.replace(/\s/g, "")),
    PERIOD_SECONDS,
    DIGITS,
  );
}

/** The code of one time step (30-second counter) for a base32 secret (tests). */
export function totpCodeForStep(secretBase32: string, step: number): string {
  return generateHOTP(
    decodeBase32IgnorePadding(secretBase32.replace(/\s/g, "")),
    BigInt(step),
    DIGITS,
  );
}
