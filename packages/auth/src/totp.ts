import { createTOTPKeyURI, generateTOTP, verifyTOTPWithGracePeriod } from "@oslojs/otp";
import { sha256 } from "@oslojs/crypto/sha2";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

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

/** Accepts the current code and the neighbouring ones (clock drift on phones). */
export function verifyTotp(key: Uint8Array, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return verifyTOTPWithGracePeriod(key, PERIOD_SECONDS, DIGITS, code, PERIOD_SECONDS);
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
  return encodeHexLowerCase(sha256(new TextEncoder().encode(code.replace(/[\s-]/g, "").toUpperCase())));
}

/** The current code for a base32 secret, as an authenticator app computes it (tests, scripts). */
export function totpCodeFromSecret(secretBase32: string): string {
  return generateTOTP(decodeBase32IgnorePadding(secretBase32.replace(/\s/g, "")), PERIOD_SECONDS, DIGITS);
}
