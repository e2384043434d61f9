import { hash } from "@node-rs/argon2";

/**
 * A slow, deterministic hash for secrets that must be found again by their hash (a
 * complaint's receipt code): argon2id with a fixed, secret salt instead of a random
 * one, so the stored hash can be an indexed column. Same cost as passwords.
 */
export function lookupHash(secret: string, salt: Uint8Array): Promise<string> {
  if (salt.length < 16) throw new Error("lookupHash needs a salt of at least 16 bytes");
  return hash(secret, {
    algorithm: 2 /* Argon2id */,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
    outputLen: 32,
    salt,
  });
}
