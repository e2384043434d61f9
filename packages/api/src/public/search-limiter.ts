import { DomainError } from "@ita/domain/errors";
import pLimit, { type LimitFunction } from "p-limit";

/**
 * Searches running at once per database handle (one handle per process). The embedded
 * database runs every query on the server's only thread and cannot cancel one, so a
 * few broad searches at once would hold every page up: the rest wait their turn.
 */
export const MAX_CONCURRENT_SEARCHES = 2;
/** Searches that may wait for a turn; one more is refused at once (SEARCH_BUSY). */
export const MAX_WAITING_SEARCHES = 8;

// Keyed on the handle, as db-cache.ts: tests with their own databases never share a queue.
const limiters = new WeakMap<object, LimitFunction>();

/** Runs `work` when a search slot is free, or refuses it when too many already wait. */
export async function limitSearch<T>(db: object, work: () => Promise<T>): Promise<T> {
  let limit = limiters.get(db);
  if (!limit) {
    limit = pLimit(MAX_CONCURRENT_SEARCHES);
    limiters.set(db, limit);
  }
  if (limit.activeCount + limit.pendingCount >= MAX_CONCURRENT_SEARCHES + MAX_WAITING_SEARCHES)
    throw new DomainError("SEARCH_BUSY");
  return limit(work);
}
