import { timedReader, type Executor } from "@ita/db";
import { DomainError } from "@ita/domain/errors";
import { sql } from "drizzle-orm";
import { driverOf } from "./search-limiter.ts";

/** PostgreSQL's query_canceled (statement_timeout). */
const QUERY_CANCELED = "57014";

/**
 * Runs `work`'s reads with statements cancelled after `timeoutMs`; a cancelled search
 * answers QUERY_TOO_BROAD (a Thai "add a word" message) instead of 500. On PostgreSQL
 * they run on a pool with the timeout as a connection setting (@ita/db's timedReader);
 * inside a caller's transaction, in it with `set local`. PGlite cannot cancel a
 * statement: there the caller's own deadline is all there is.
 */
export async function withStatementTimeout<T>(
  db: Executor,
  timeoutMs: number,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  try {
    const timed = timedReader(db, timeoutMs);
    if (timed) return await work(timed);
    if (isPglite(db)) return await work(db);
    return await db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`set local statement_timeout = ${Math.max(1, Math.trunc(timeoutMs))}`),
      );
      return work(tx);
    });
  } catch (error) {
    if (isQueryCanceled(error))
      throw new DomainError("QUERY_TOO_BROAD", undefined, undefined, { cause: error });
    throw error;
  }
}

/** A PGlite database handle (driverOf's test; a transaction has no client of its own). */
function isPglite(db: Executor): boolean {
  return "$client" in db && driverOf(db) === "pglite";
}

function isQueryCanceled(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === QUERY_CANCELED) return true;
  }
  return false;
}
