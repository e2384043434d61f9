import type { Executor } from "@ita/db";
import { authFailures } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { and, count, eq, gte, inArray, lt, max, min, sql } from "drizzle-orm";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failures allowed per window before further attempts are refused. Accounts have no hard
 * limit: anyone could then lock an approver out with a few wrong passwords; they get
 * growing waits instead (ACCOUNT_DELAY), while the client's address has the hard limit.
 */
export const THROTTLE_LIMITS = {
  account: Infinity,
  /** Generous: a whole office may sit behind one address. */
  ip: 30,
  /** Only reachable with the password: a hard limit locks out no one but the guesser. */
  totp: 5,
} as const;

/** Per account: `free` failures without a wait, then waits that double up to `maxMs`. */
export const ACCOUNT_DELAY = { free: 5, firstMs: 5_000, maxMs: 5 * 60_000 } as const;

/** How long after its latest failure an account with `failures` recent failures waits. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY.free) return 0;
  return Math.min(
    ACCOUNT_DELAY.firstMs * 2 ** (failures - ACCOUNT_DELAY.free),
    ACCOUNT_DELAY.maxMs,
  );
}

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
 * nothing recorded) when a key has reached its limit or its account must still wait. Check and record happen under a
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
        .select({ n: count(), oldest: min(authFailures.at), latest: max(authFailures.at) })
        .from(authFailures)
        .where(and(eq(authFailures.key, keyOf(k)), gte(authFailures.at, since)));
      const n = row?.n ?? 0;
      // When this key may try again: after the account's wait, or once the oldest
      // failure has left the window when a hard limit is reached.
      const waitUntil = Math.max(
        k.kind === "account" && row?.latest ? row.latest.getTime() + accountDelayMs(n) : 0,
        n >= THROTTLE_LIMITS[k.kind]
          ? Math.max((row?.oldest?.getTime() ?? 0) + THROTTLE_WINDOW_MS, now.getTime() + 1)
          : 0,
      );
      if (now.getTime() < waitUntil)
        throw new DomainError("RATE_LIMITED", `too many failures for ${k.kind}`, {
          retryAfterSeconds: Math.ceil((waitUntil - now.getTime()) / 1000),
        });
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
