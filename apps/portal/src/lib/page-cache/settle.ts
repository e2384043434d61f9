/**
 * server.mjs registers the process's public-change listener under this symbol (the Astro
 * bundle loads its own copies of our modules, see ../database.ts).
 */
export const PUBLIC_CHANGES_SYMBOL = Symbol.for("ita.portal.publicChanges");

type WithListener = typeof globalThis & {
  [PUBLIC_CHANGES_SYMBOL]?: { settle(): Promise<void> };
};

/**
 * After a request that may have changed something public (any POST: the API, the
 * complaint forms), waits until this process's page cache has heard of every change
 * committed so far, so the next page this visitor opens already shows theirs. Without a
 * page cache (astro dev) there is nothing to wait for.
 */
export function settlePublicChanges(): Promise<void> {
  return (globalThis as WithListener)[PUBLIC_CHANGES_SYMBOL]?.settle() ?? Promise.resolve();
}
