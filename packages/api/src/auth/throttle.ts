import type { Executor } from "@ita/db";
import { authFailures } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { and, count, eq, gte, lt } from "drizzle-orm";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Failures allowed per window before further attempts are refused. */
export const THROTTLE_LIMITS = {
  account: 5,
  /** Generous: a whole office may sit behind one address. */
  ip: 30,
  totp: 5,
} as const;

export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

export interface ThrottleKey {
  kind: ThrottleKind;
  value: string;
}

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/** Refuses (RATE_LIMITED) when any key has reached its limit within the window. */
export async function assertNotThrottled(
  db: Executor,
  keys: ThrottleKey[],
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  for (const k of keys) {
    const [row] = await db
      .select({ n: count() })
      .from(authFailures)
      .where(and(eq(authFailures.key, keyOf(k)), gte(authFailures.at, since)));
    if ((row?.n ?? 0) >= THROTTLE_LIMITS[k.kind])
      throw new DomainError("RATE_LIMITED", `too many failures for ${k.kind}`);
  }
}

export async function recordFailure(db: Executor, keys: ThrottleKey[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await db.insert(authFailures).values(keys.map((k) => ({ key: keyOf(k), at: now })));
  // Keep the table small: rows older than the window no longer count.
  await db
    .delete(authFailures)
    .where(lt(authFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}

/** A success forgives the account's (not the address's) earlier failures. */
export async function clearFailures(db: Executor, key: ThrottleKey): Promise<void> {
  await db.delete(authFailures).where(eq(authFailures.key, keyOf(key)));
}
