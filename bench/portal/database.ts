/**
 * The throwaway bench database: `ita_bench` on the local PostgreSQL server (UTF-8
 * LC_CTYPE, so pg_trgm sees Thai), or an embedded PGlite directory.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createDatabase, queryRows, type DatabaseHandle } from "@ita/db";
import { sql } from "drizzle-orm";
import { benchEnv } from "../shared/env.ts";

export const BENCH_DB_NAME = "ita_bench";
export const PGLITE_DIR = join(import.meta.dirname, "..", "..", ".data", "bench-pglite");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export interface BenchDatabase {
  driver: "postgres" | "pglite";
  /** What the portal server gets: DATABASE_URL or PGLITE_DIR. */
  serverEnv: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
  describe: string;
}

function benchUrl(): { admin: URL; bench: URL } {
  const admin = new URL(benchEnv.BENCH_ADMIN_URL);
  if (!LOOPBACK.has(admin.hostname))
    throw new Error(`BENCH_ADMIN_URL must point at a loopback address, not ${admin.hostname}`);
  const bench = new URL(admin);
  bench.pathname = `/${BENCH_DB_NAME}`;
  return { admin, bench };
}

async function withAdmin<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await createDatabase(
    { driver: "postgres", url: benchUrl().admin.toString() },
    { owner: true },
  );
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

export function benchDatabase(driver: "postgres" | "pglite"): BenchDatabase {
  if (driver === "pglite") {
    return {
      driver,
      serverEnv: { DATABASE_URL: "", PGLITE_DIR },
      describe: `PGlite (embedded) in ${PGLITE_DIR}`,
      open: () => createDatabase({ driver: "pglite", dataDir: PGLITE_DIR }),
      drop: async () => rmSync(PGLITE_DIR, { recursive: true, force: true }),
    };
  }
  const { bench } = benchUrl();
  return {
    driver,
    serverEnv: { DATABASE_URL: bench.toString() },
    describe: `PostgreSQL database ${BENCH_DB_NAME} at ${bench.host}`,
    // The bench builds and migrates its dataset: the owner's rights.
    open: () => createDatabase({ driver: "postgres", url: bench.toString() }, { owner: true }),
    drop: () =>
      withAdmin(async ({ db }) => {
        await db.execute(sql.raw(`drop database if exists ${BENCH_DB_NAME} with (force)`));
      }),
  };
}

/** Drops and recreates the bench database (empty, not yet migrated). */
export async function recreate(target: BenchDatabase): Promise<void> {
  await target.drop();
  if (target.driver === "pglite") return;
  await withAdmin(async ({ db }) => {
    const [server] = await queryRows<{ server_version: string }>(
      db,
      sql.raw("show server_version"),
    );
    await db.execute(
      sql.raw(
        `create database ${BENCH_DB_NAME} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
      ),
    );
    console.log(`  created ${BENCH_DB_NAME} on PostgreSQL ${server?.server_version ?? "?"}`);
  });
}

export async function databaseBytes(handle: DatabaseHandle): Promise<number> {
  const [row] = await queryRows<{ bytes: string | number }>(
    handle.db,
    sql.raw("select pg_database_size(current_database()) as bytes"),
  );
  return Number(row?.bytes ?? 0);
}

export async function hasDataset(handle: DatabaseHandle): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    handle.db,
    sql.raw(
      "select to_regclass('public.search_documents') is not null and exists (select 1 from search_documents) as ok",
    ),
  );
  return row?.ok === true;
}
