import type { Driver } from "@ita/db";
import { DomainError } from "@ita/domain/errors";
import pLimit, { type LimitFunction } from "p-limit";
import { z } from "zod";

/**
 * Searches running at once per database handle (one handle per process), by driver.
 *
 * - The embedded PGlite runs every query on the server's only thread and cannot cancel
 *   one, so a few broad searches at once would hold every page up: two run, eight wait.
 * - PostgreSQL runs each search in a backend of its own, on one of the 10 connections of
 *   a read-only pool that carries the statement timeout (@ita/db's timedReader), so
 *   pages keep the process's own pool: six run, and 24 wait. At 10 connections the embedded limit refused 40 % of rare-word
 *   searches with 503 on PostgreSQL (docs/performance.md, "Cache misses").
 *
 * `SEARCH_CONCURRENCY` sets the number running at once per process for either driver
 * (README, settings); four times as many may wait.
 */
export const SEARCH_LIMITS: Record<Driver, { running: number; waiting: number }> = {
  pglite: { running: 2, waiting: 8 },
  postgres: { running: 6, waiting: 24 },
};

const SearchEnv = z.object({
  SEARCH_CONCURRENCY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(64).optional(),
  ),
});

/** How many searches run and wait per process on this driver, with this environment. */
export function searchLimits(
  driver: Driver,
  // eslint-disable-next-line no-restricted-syntax -- this module reads its one setting
  env: Record<string, string | undefined> = process.env,
): { running: number; waiting: number } {
  const running = SearchEnv.parse(env).SEARCH_CONCURRENCY;
  return running === undefined ? SEARCH_LIMITS[driver] : { running, waiting: 4 * running };
}

/**
 * The driver behind a drizzle database: postgres.js's client (drizzle's `$client`) is a
 * function, a tagged template; PGlite's is an object.
 */
export function driverOf(db: object): Driver {
  return typeof (db as { $client?: unknown }).$client === "function" ? "postgres" : "pglite";
}

interface Limiter {
  run: LimitFunction;
  capacity: number;
}

// Keyed on the handle, as db-cache.ts: tests with their own databases never share a queue.
const limiters = new WeakMap<object, Limiter>();

/** Runs `work` when a search slot is free, or refuses it when too many already wait. */
export async function limitSearch<T>(db: object, work: () => Promise<T>): Promise<T> {
  let limiter = limiters.get(db);
  if (!limiter) {
    const { running, waiting } = searchLimits(driverOf(db));
    limiter = { run: pLimit(running), capacity: running + waiting };
    limiters.set(db, limiter);
  }
  const { run, capacity } = limiter;
  if (run.activeCount + run.pendingCount >= capacity) throw new DomainError("SEARCH_BUSY");
  return run(work);
}
