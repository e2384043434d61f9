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
  /**
   * Evidence files sent to filing forms' drafts per client and hour, before any proof of
   * work (each file counts, refused ones too: each costs inspection and storage). Six
   * forms' worth of five files.
   */
  draftFiles: { max: 30, windowMs: 60 * 60 * 1000 },
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
 * Takes `amount` attempts (one by default; files for `draftFiles`) from `client`'s
 * allowance, or throws RATE_LIMITED when that would pass it. Recorded first, then
 * counted, with nothing awaited in between: concurrent requests in this process cannot
 * all slip through. Taken before the work; the returned function gives the attempts back
 * (a right code, a failed filing). No client (an in-process call without an address):
 * no limit.
 */
export function takeComplaintRate(
  limit: ComplaintLimit,
  client: string | null,
  now: Date,
  amount = 1,
): () => void {
  if (!client || amount <= 0) return () => {};
  const { max, windowMs } = COMPLAINT_LIMITS[limit];
  const key = `${limit}:${tagOf(client, now)}`;
  const list = recent(key, windowMs, now);
  const stamp = now.getTime();
  for (let i = 0; i < amount; i++) list.push(stamp);
  const giveBack = () => {
    const current = hits.get(key);
    for (let i = 0; i < amount; i++) {
      const at = current?.lastIndexOf(stamp) ?? -1;
      if (at >= 0) current!.splice(at, 1);
    }
  };
  if (list.length > max) {
    giveBack();
    throw new DomainError("RATE_LIMITED", `complaint ${limit} limit`);
  }
  return giveBack;
}

/** Tests only: forget every count. */
export function resetComplaintRates(): void {
  hits.clear();
}
