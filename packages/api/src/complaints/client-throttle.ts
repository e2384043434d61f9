import { DomainError } from "@ita/domain/errors";
import { createHmac, randomBytes } from "node:crypto";

/**
 * Rate limits for the public complaint pages, per client, held only in this process's
 * memory: the client's address is reduced at once to an HMAC under a salt drawn at
 * random each day and never written anywhere, so no address can be recovered even
 * from a memory dump of yesterday's counters. A restart forgets the counts — an
 * acceptable loss for a limit that only slows abuse.
 */
export const COMPLAINT_LIMITS = {
  /** Complaints filed per client and hour (a family or office may share an address). */
  file: { max: 10, windowMs: 60 * 60 * 1000 },
  /** Of those, complaints filed without a solved proof of work (no JavaScript, ADR 0024). */
  fileWithoutScript: { max: 3, windowMs: 60 * 60 * 1000 },
  /** Wrong receipt codes per client and 15 minutes. */
  track: { max: 20, windowMs: 15 * 60 * 1000 },
} as const;

export type ComplaintLimit = keyof typeof COMPLAINT_LIMITS;

let salt = { day: "", key: Buffer.alloc(0) };
const hits = new Map<string, number[]>();

function tagOf(client: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  if (salt.day !== day) {
    salt = { day, key: randomBytes(32) };
    hits.clear();
  }
  return createHmac("sha256", salt.key).update(client).digest("base64url");
}

function recent(key: string, windowMs: number, now: Date): number[] {
  const since = now.getTime() - windowMs;
  const list = (hits.get(key) ?? []).filter((t) => t > since);
  hits.set(key, list);
  return list;
}

/**
 * Takes one attempt from `client`'s allowance, or throws RATE_LIMITED when it is used
 * up. Taken before the work so that concurrent attempts cannot all slip through; the
 * returned function gives the attempt back (a right code, a failed filing). No client
 * (an in-process call without an address): no limit.
 */
export function takeComplaintRate(
  limit: ComplaintLimit,
  client: string | null,
  now: Date,
): () => void {
  if (!client) return () => {};
  const { max, windowMs } = COMPLAINT_LIMITS[limit];
  const key = `${limit}:${tagOf(client, now)}`;
  const list = recent(key, windowMs, now);
  if (list.length >= max) throw new DomainError("RATE_LIMITED", `complaint ${limit} limit`);
  const stamp = now.getTime();
  list.push(stamp);
  return () => {
    const current = hits.get(key);
    const i = current?.lastIndexOf(stamp) ?? -1;
    if (i >= 0) current!.splice(i, 1);
  };
}

/** Tests only: forget every count. */
export function resetComplaintRates(): void {
  hits.clear();
}
