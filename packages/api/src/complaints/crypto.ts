/**
 * THE trust boundary for complaints: the only module that holds complaint keys and
 * encrypts or decrypts. Only complaint use cases (this folder) may import it — a test
 * (crypto-boundary.test.ts) fails otherwise.
 *
 * Envelope encryption (ADR 0012): each complaint has its own random 256-bit data key;
 * texts are sealed with AES-256-GCM under it, bound by associated data to the
 * complaint and the field, so sealed values cannot be swapped between rows. The data
 * key is stored only wrapped (AES-256-GCM) by a key-encryption key (KEK) that never
 * enters the database: it comes from COMPLAINT_KEYRING (JSON) or a key file created
 * on first use (COMPLAINT_KEYRING_FILE, default <repo>/.data/complaint-keyring.json, mode 0600).
 */
import { lookupHash } from "@ita/auth";
import { repoRoot } from "@ita/db";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { RECEIPT_CODE_BYTES, receiptCodeFromBytes } from "@ita/domain/complaints";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

const Base64Key = z
  .string()
  .transform((s) => Buffer.from(s, "base64"))
  .refine((b) => b.length === KEY_BYTES, "keys are 32 bytes, base64");

const KeyringJson = z.object({
  version: z.literal(VERSION),
  /** Id of the KEK that wraps new data keys. */
  current: z.string().min(1),
  /** Every KEK still needed to unwrap a stored data key, by id. */
  keys: z.record(z.string(), Base64Key),
  /** Derives receipt codes from form tokens and salts their hashes; never rotated. */
  receiptSecret: Base64Key,
});
type KeyringJson = z.input<typeof KeyringJson>;

export interface Keyring {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
  receiptSecret: Buffer;
}

function parseKeyring(json: string): Keyring {
  const k = KeyringJson.parse(JSON.parse(json));
  if (!(k.current in k.keys)) throw new Error(`complaint keyring: no key "${k.current}"`);
  return {
    current: k.current,
    keys: new Map(Object.entries(k.keys)),
    receiptSecret: k.receiptSecret,
  };
}

export function serializeKeyring(k: Keyring): string {
  const json: KeyringJson = {
    version: VERSION,
    current: k.current,
    keys: Object.fromEntries([...k.keys].map(([id, key]) => [id, key.toString("base64")])),
    receiptSecret: k.receiptSecret.toString("base64"),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function generateKeyring(): Keyring {
  const id = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  return {
    current: id,
    keys: new Map([[id, randomBytes(KEY_BYTES)]]),
    receiptSecret: randomBytes(KEY_BYTES),
  };
}

/** Rotation step 1: a new current KEK; old ones stay until `rewrapDataKey` has run everywhere. */
export function addKeyToKeyring(k: Keyring, id: string = `k${Date.now().toString(36)}`): Keyring {
  if (k.keys.has(id)) throw new Error(`complaint keyring already has "${id}"`);
  return { ...k, current: id, keys: new Map([...k.keys, [id, randomBytes(KEY_BYTES)]]) };
}

const KeyringEnv = z.object({
  COMPLAINT_KEYRING: z.string().optional(),
  COMPLAINT_KEYRING_FILE: z.string().optional(),
});

/** The key file's path (where `npm start` keeps it unless COMPLAINT_KEYRING is set). */
export function keyringFilePath(
  // eslint-disable-next-line no-restricted-syntax -- this module reads its own key settings
  env: Record<string, string | undefined> = process.env,
): string {
  const parsed = KeyringEnv.parse(env);
  return (
    parsed.COMPLAINT_KEYRING_FILE ||
    join(repoRoot(process.cwd()), ".data", "complaint-keyring.json")
  );
}

/** Reads the keyring from the environment or the key file, creating the file on first use. */
export function loadKeyring(
  // eslint-disable-next-line no-restricted-syntax -- this module reads its own key settings
  env: Record<string, string | undefined> = process.env,
): Keyring {
  const parsed = KeyringEnv.parse(env);
  if (parsed.COMPLAINT_KEYRING) return parseKeyring(parsed.COMPLAINT_KEYRING);
  const file = keyringFilePath(env);
  try {
    return parseKeyring(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    // "wx": two processes starting at once cannot both create (and one lose) a keyring.
    writeFileSync(file, serializeKeyring(generateKeyring()), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseKeyring(readFileSync(file, "utf8"));
}

/**
 * Writes the key file whole or not at all (a temporary file beside it, mode 0600, then
 * renamed over it), so an interrupted rotation never leaves a half-written keyring.
 */
export function saveKeyringFile(file: string, k: Keyring): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeKeyring(k), { flag: "w", mode: 0o600, flush: true });
  renameSync(temporary, file);
}

/** Whether the keyring is given by COMPLAINT_KEYRING (then no file is read or written). */
export function keyringFromEnvironment(
  // eslint-disable-next-line no-restricted-syntax -- this module reads its own key settings
  env: Record<string, string | undefined> = process.env,
): boolean {
  return Boolean(KeyringEnv.parse(env).COMPLAINT_KEYRING);
}

let active: Keyring | null = null;

function keyring(): Keyring {
  active ??= loadKeyring();
  return active;
}

/** Replaces the process's keyring (tests, and the rotation command after writing the file). */
export function useKeyring(k: Keyring): void {
  active = k;
}

/** Id of the KEK new data keys are wrapped with (not a secret). */
export function currentKekId(): string {
  return keyring().current;
}

function seal(key: Buffer, aad: string, plain: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function open(key: Buffer, aad: string, sealed: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed);
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error("sealed value too short");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

function kek(id: string): Buffer {
  const key = keyring().keys.get(id);
  if (!key) throw new Error(`complaint key "${id}" is not in the keyring`);
  return key;
}

export interface WrappedKey {
  kekId: string;
  wrappedKey: Uint8Array;
}

/** A complaint's data key, usable only through its seal/open methods. */
export interface ComplaintBox {
  sealJson(field: string, value: unknown): Uint8Array;
  openJson<T>(field: string, sealed: Uint8Array): T;
  sealBytes(field: string, bytes: Uint8Array): Uint8Array;
  openBytes(field: string, sealed: Uint8Array): Uint8Array;
}

function boxFor(complaintId: string, dataKey: Buffer): ComplaintBox {
  const aad = (field: string) => `complaint:${complaintId}:${field}`;
  return {
    sealJson: (field, value) => seal(dataKey, aad(field), Buffer.from(JSON.stringify(value))),
    openJson: <T>(field: string, sealed: Uint8Array) =>
      JSON.parse(open(dataKey, aad(field), sealed).toString("utf8")) as T,
    sealBytes: (field, bytes) => seal(dataKey, aad(field), bytes),
    openBytes: (field, sealed) => open(dataKey, aad(field), sealed),
  };
}

const wrapAad = (complaintId: string) => `complaint-key:${complaintId}`;

/** A fresh data key for a new complaint, and its wrapped form to store. */
export function newComplaintBox(complaintId: string): { box: ComplaintBox } & WrappedKey {
  const dataKey = randomBytes(KEY_BYTES);
  const kekId = keyring().current;
  return {
    box: boxFor(complaintId, dataKey),
    kekId,
    wrappedKey: seal(kek(kekId), wrapAad(complaintId), dataKey),
  };
}

export function openComplaintBox(complaintId: string, stored: WrappedKey): ComplaintBox {
  return boxFor(complaintId, open(kek(stored.kekId), wrapAad(complaintId), stored.wrappedKey));
}

/** Rotation step 2: the same data key wrapped by the current KEK (null if it already is). */
export function rewrapDataKey(complaintId: string, stored: WrappedKey): WrappedKey | null {
  const current = keyring().current;
  if (stored.kekId === current) return null;
  const dataKey = open(kek(stored.kekId), wrapAad(complaintId), stored.wrappedKey);
  return { kekId: current, wrappedKey: seal(kek(current), wrapAad(complaintId), dataKey) };
}

/**
 * The receipt code for a form token. Deriving it (HMAC) instead of drawing it lets a
 * resubmitted form get the same code back, although only its slow hash is stored.
 */
export function receiptCodeForFormToken(formToken: string): string {
  const mac = createHmac("sha256", keyring().receiptSecret).update(`receipt:${formToken}`).digest();
  return receiptCodeFromBytes(mac.subarray(0, RECEIPT_CODE_BYTES));
}

/** The stored, looked-up hash of a receipt code (argon2id, salt derived from the keyring). */
export function receiptCodeHash(code: string): Promise<string> {
  const salt = createHmac("sha256", keyring().receiptSecret).update("receipt-salt").digest();
  return lookupHash(code, salt.subarray(0, 16));
}

/** SHA-256 of a form token, keyed so a database alone cannot confirm a guessed token. */
export function formTokenHash(formToken: string): string {
  return createHmac("sha256", keyring().receiptSecret).update(`form:${formToken}`).digest("hex");
}

/**
 * The HMAC secrets that sign proof-of-work challenges (proof-of-work.ts), derived from
 * the keyring's receipt secret so every process of one installation agrees on them.
 */
export function proofOfWorkSecrets(): { signature: string; key: string } {
  const derive = (label: string) =>
    createHmac("sha256", keyring().receiptSecret).update(label).digest("base64url");
  return { signature: derive("pow-signature"), key: derive("pow-key-signature") };
}
