import type { Executor } from "@ita/db";
import { authFailures } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { and, count, eq, gte, inArray, lt, sql } from "drizzle-orm";

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

/** The rows an attempt reserved; they stay as failures unless the attempt succeeds. */
export interface Attempt {
  rowIds: number[];
}

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/**
 * Records an attempt under every key *before* it is evaluated, refusing it (RATE_LIMITED,
 * nothing recorded) when a key has reached its limit. Check and record happen under a
 * per-key advisory lock in one transaction, so concurrent attempts — parallel requests,
 * or the calls of one batched request — cannot all pass the check before any failure is
 * counted: each one sees the attempts in flight before it.
 */
export async function beginAttempt(db: Executor, keys: ThrottleKey[], now: Date): Promise<Attempt> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // One lock order for every caller: two attempts never wait on each other's locks.
  const ordered = [...keys].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return db.transaction(async (tx) => {
    for (const k of ordered) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${keyOf(k)}, 0))`);
      const [row] = await tx
        .select({ n: count() })
        .from(authFailures)
        .where(and(eq(authFailures.key, keyOf(k)), gte(authFailures.at, since)));
      if ((row?.n ?? 0) >= THROTTLE_LIMITS[k.kind])
        throw new DomainError("RATE_LIMITED", `too many failures for ${k.kind}`);
    }
    if (ordered.length === 0) return { rowIds: [] };
    // Keep the table small: rows older than the window no longer count.
    await tx.delete(authFailures).where(lt(authFailures.at, since));
    const rows = await tx
      .insert(authFailures)
      .values(ordered.map((k) => ({ key: keyOf(k), at: now })))
      .returning({ id: authFailures.id });
    return { rowIds: rows.map((r) => r.id) };
  });
}

/**
 * The attempt succeeded: it is no failure, and `forgive`'s earlier failures are cleared
 * (a success forgives the account's failures, never the client address's).
 */
export async function succeedAttempt(
  db: Executor,
  attempt: Attempt,
  forgive?: ThrottleKey,
): Promise<void> {
  if (attempt.rowIds.length > 0)
    await db.delete(authFailures).where(inArray(authFailures.id, attempt.rowIds));
  if (forgive) await db.delete(authFailures).where(eq(authFailures.key, keyOf(forgive)));
}
