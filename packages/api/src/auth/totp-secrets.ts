import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readDatabaseEnv } from "@ita/db";
import { z } from "zod";

/**
 * The one place that holds the key for authenticator secrets and seals/opens them
 * (AES-256-GCM). The key never lives in the database: a copy of the database alone
 * (a backup, a dump, a read-only SQL hole) does not give anyone's second factor.
 *
 * Stored form: version byte 1 · 12-byte IV · ciphertext · 16-byte tag, with the user's
 * id as associated data, so a sealed secret copied onto another account does not open.
 * Rows written before encryption hold the bare 20-byte key; they are opened as such and
 * re-sealed at their next use (see two-factor.ts).
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LEGACY_KEY_BYTES = 20;

const KeyEnv = z.object({
  /** Base64 of 32 random bytes (`openssl rand -base64 32`); all processes must share it. */
  TOTP_ENCRYPTION_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** A file holding that base64; default: totp-encryption.key next to the embedded database. */
  TOTP_ENCRYPTION_KEY_FILE: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
});

function decodeKey(base64: string, from: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32)
    throw new Error(`${from} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

function defaultKeyFile(): string {
  const db = readDatabaseEnv();
  const dataRoot =
    db.driver === "pglite" && !db.dataDir.startsWith("memory://")
      ? dirname(resolve(db.dataDir))
      : resolve(".data");
  return join(dataRoot, "totp-encryption.key");
}

/** Reads the key file, creating it (owner-only) with a fresh key on first start. */
function keyFromFile(path: string): Buffer {
  try {
    return decodeKey(readFileSync(path, "utf8"), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
    chmodSync(path, 0o600);
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return decodeKey(readFileSync(path, "utf8"), path);
}

/** The key, from TOTP_ENCRYPTION_KEY, else TOTP_ENCRYPTION_KEY_FILE, else the default file. */
export function loadTotpEncryptionKey(env: Record<string, string | undefined>): Buffer {
  const parsed = KeyEnv.parse(env);
  return parsed.TOTP_ENCRYPTION_KEY
    ? decodeKey(parsed.TOTP_ENCRYPTION_KEY, "TOTP_ENCRYPTION_KEY")
    : keyFromFile(parsed.TOTP_ENCRYPTION_KEY_FILE ?? defaultKeyFile());
}

let cached: Buffer | null = null;
// eslint-disable-next-line no-restricted-syntax -- this module reads its own secret's settings
const processKey = () => (cached ??= loadTotpEncryptionKey(process.env));

/** Called at server start: a missing or malformed key fails then, and the file is created. */
export function ensureTotpEncryptionKey(): void {
  processKey();
}

export function sealTotpSecret(secret: Uint8Array, userId: string): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", processKey(), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]));
}

/** The secret, and whether it was stored before encryption (then the caller re-seals it). */
export function openTotpSecret(
  stored: Uint8Array,
  userId: string,
): { secret: Uint8Array; legacy: boolean } {
  if (stored.length === LEGACY_KEY_BYTES) return { secret: stored, legacy: true };
  if (stored[0] !== VERSION) throw new Error("unknown sealed TOTP secret format");
  const iv = stored.subarray(1, 1 + IV_BYTES);
  const tag = stored.subarray(stored.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", processKey(), iv);
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(tag);
  const body = stored.subarray(1 + IV_BYTES, stored.length - TAG_BYTES);
  return {
    secret: new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()])),
    legacy: false,
  };
}
