import type { Executor } from "@ita/db";
import { DomainError } from "@ita/domain/errors";
import { sql } from "drizzle-orm";

/** PostgreSQL's query_canceled (statement_timeout). */
const QUERY_CANCELED = "57014";

/**
 * Runs `work` in a transaction whose statements are cancelled after `timeoutMs`; a
 * cancelled search answers QUERY_TOO_BROAD (a Thai "add a word" message) instead of 500.
 */
export async function withStatementTimeout<T>(
  db: Executor,
  timeoutMs: number,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  try {
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

function isQueryCanceled(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === QUERY_CANCELED) return true;
  }
  return false;
}
