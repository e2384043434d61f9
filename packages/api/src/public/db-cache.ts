const FORGETTERS = Symbol.for("ita.api.cachedQueries");
// Shared through globalThis: the portal's server and its Astro bundle each load their own
// copy of this module, and the server's call must reach the bundle's caches.
const registry = globalThis as { [FORGETTERS]?: Set<() => void> };
const forgetters = (registry[FORGETTERS] ??= new Set());

/**
 * Forgets every value kept here. The rendered-page cache calls it on each committed
 * public change: a page rendered after the change must not be built from figures read
 * before it, or the stale page would then be kept until the next change.
 */
export function forgetCachedQueries(): void {
  for (const forget of forgetters) forget();
}

/**
 * A small in-process cache of query results per database handle, for values that may
 * be a few seconds stale (figures, reference data). Keyed on the handle so tests with
 * their own databases never see each other's values; the promise is cached, so
 * concurrent page views share one query. A failed load is not kept. Its `forget()`
 * drops this cache's values alone, for the one process that has just changed what it
 * reads (holidays); `forgetCachedQueries` drops every cache's.
 */
export function cachedPerDatabase<D extends object, A extends unknown[], T>(
  ttlMs: number,
  load: (db: D, ...args: A) => Promise<T>,
): ((db: D, ...args: A) => Promise<T>) & { forget: () => void } {
  let entries = new WeakMap<D, { expires: number; value: Promise<T> }>();
  const forget = () => {
    entries = new WeakMap();
  };
  forgetters.add(forget);
  // Arguments only matter for a miss: the cached value is the one loaded first.
  const read = (db: D, ...args: A): Promise<T> => {
    const hit = entries.get(db);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.value;
    // Made a promise once: a drizzle query is a thenable that runs again at every await,
    // so a loader returning one unawaited would otherwise be executed per reader.
    const value = Promise.resolve(load(db, ...args));
    entries.set(db, { expires: now + ttlMs, value });
    value.catch(() => entries.delete(db));
    return value;
  };
  return Object.assign(read, { forget });
}

/**
 * A query built once per database handle and then only executed with its placeholders
 * filled in. Building a drizzle query (above all a relational one) costs the public
 * pages' hot paths more CPU than PostgreSQL spends running it (docs/performance.md).
 * Keyed on the handle like `cachedPerDatabase`; a transaction gets its own build.
 */
export function preparedPerDatabase<D extends object, Q>(build: (db: D) => Q): (db: D) => Q {
  const built = new WeakMap<D, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
