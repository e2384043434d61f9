import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { createDatabase, type DatabaseHandle } from "./client.ts";
import { readDatabaseEnv, type DatabaseOptions } from "./env.ts";

/**
 * Applies the committed SQL migrations. Runs from source (Node strips the types), never
 * from a bundle: the folder is found relative to this file.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url));

export async function migrateDatabase(
  handle: DatabaseHandle,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

/**
 * The application's handle on a migrated database. On PostgreSQL the migrations run on
 * a short-lived owner connection and the app gets the `ita_app` role; PGlite (one
 * process, one role) migrates and serves through the same handle.
 */
export async function openMigratedDatabase(
  options: DatabaseOptions = readDatabaseEnv(),
): Promise<DatabaseHandle> {
  if (options.driver === "pglite") {
    const handle = await createDatabase(options);
    await migrateDatabase(handle);
    return handle;
  }
  const owner = await createDatabase(options, { owner: true });
  try {
    await migrateDatabase(owner);
  } finally {
    await owner.close();
  }
  return createDatabase(options);
}
