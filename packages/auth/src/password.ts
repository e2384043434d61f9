import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~30 ms a hash on our machines.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...OPTIONS, algorithm: 2 /* Argon2id */ });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A short list of passwords that appear at the top of every breach corpus, plus Thai
// keyboard favourites. Long enough to stop the obvious; the length rule does the rest.
const COMMON = new Set(
  [
    "123456789012",
    "password1234",
    "passwordpassword",
    "qwertyuiopas",
    "1234567890123",
    "111111111111",
    "000000000000",
    "iloveyou1234",
    "adminadmin12",
    "administrator",
    "welcome12345",
    "letmein12345",
    "changeme1234",
    "abcdefghijkl",
    "qwerty123456",
    "password@123",
    "p@ssw0rd1234",
    "thailand1234",
    "bangkok12345",
    "123456789abc",
    "asdfghjkl123",
    "1q2w3e4r5t6y",
    "zaq12wsxcde3",
    "aaaaaaaaaaaa",
    "abc123456789",
  ].map((p) => p.toLowerCase()),
);

/** Returns a reason code when the password is too weak, otherwise null. */
export function passwordWeakness(password: string): "TOO_SHORT" | "TOO_LONG" | "COMMON" | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "TOO_SHORT";
  if (password.length > 256) return "TOO_LONG";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(lower) || /^(0123456789|1234567890)+/.test(lower))
    return "COMMON";
  return null;
}

/** A readable random password for seeded demo accounts (never stored in the repo). */
export function generatePassword(length = 16): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
