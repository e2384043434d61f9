import type { Database } from "@ita/db";

/**
 * The process's one database handle. In production server.mjs opens it (PGlite allows
 * a single process) and registers it here under a global symbol, because the Astro
 * bundle and server.mjs load separate copies of our modules. Under `astro dev` it is
 * opened lazily on first use.
 */
export const DATABASE_SYMBOL = Symbol.for("ita.portal.database");

type WithDatabase = typeof globalThis & { [DATABASE_SYMBOL]?: Database };

let pending: Promise<Database> | null = null;

export function getDatabase(): Promise<Database> {
  const registered = (globalThis as WithDatabase)[DATABASE_SYMBOL];
  if (registered) return Promise.resolve(registered);
  pending ??= (async () => {
    const { openMigratedDatabase } = await import("@ita/db/migrate");
    return (await openMigratedDatabase()).db;
  })().catch((error: unknown) => {
    pending = null; // never cache a failed connection
    throw error;
  });
  return pending;
}
