import { createDatabase, type Database } from "@ita/db";

/**
 * Used only under `astro dev`: in production server.mjs opens the one database handle
 * (PGlite allows a single process) and hands it to every request through locals.
 */
let pending: Promise<Database> | null = null;

export function getDatabase(): Promise<Database> {
  pending ??= (async () => {
    const { migrateDatabase } = await import("@ita/db/migrate");
    const handle = await createDatabase();
    await migrateDatabase(handle);
    return handle.db;
  })().catch((error: unknown) => {
    pending = null; // never cache a failed connection
    throw error;
  });
  return pending;
}
