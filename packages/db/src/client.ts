import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { readDatabaseEnv, type DatabaseOptions } from "./env.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** Use cases accept either, so they compose inside a caller's transaction. */
export type Executor = Database | Transaction;
export type Driver = DatabaseOptions["driver"];

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** PGlite only: the embedded instance (for dumps and clones in tests, and the job queue). */
  pglite?: PGlite;
  /** PostgreSQL only: the postgres.js client (the job queue runs its own SQL through it). */
  sql?: postgres.Sql;
  close(): Promise<void>;
}

const config = { schema, casing: "snake_case" } as const;

/**
 * The embedded database's memory (docs/performance.md, "Embedded database memory"):
 * PGlite's own defaults are a server's (shared_buffers 128MB, maintenance_work_mem 64MB),
 * all of it inside the process's WebAssembly heap, which never shrinks. The data files go
 * through the operating system's page cache anyway, so small buffers cost little.
 */
const PGLITE_SETTINGS = ["-c", "shared_buffers=16MB", "-c", "maintenance_work_mem=16MB"];

/**
 * The role the application works as on PostgreSQL (migration 0019): rows only, no
 * schema changes, no triggers, the audit log append-only, stored files unchanged.
 */
export const APP_ROLE = "ita_app";

/**
 * Opens the database. On PostgreSQL the handle works as the application role: through
 * `appUrl` (the app's own login) when given, else through `url` with the session's role
 * set to `ita_app` at connect time. `{ owner: true }` keeps `url`'s own rights, for
 * migrations and maintenance. PGlite has a single role (docs/adr/0009).
 */
export async function createDatabase(
  options: DatabaseOptions = readDatabaseEnv(),
  { owner = false }: { owner?: boolean } = {},
): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const asApp = owner ? null : options.appUrl ? "login" : "role";
    const open = (settings: Record<string, string> = {}, idleSeconds?: number) =>
      postgres(asApp === "login" ? options.appUrl! : options.url, {
        max: 10,
        onnotice: () => {},
        // JIT compiles misestimated plans for 50–520 ms where the query itself takes ~1 ms
        // (docs/performance.md, finding 3); our queries are short OLTP ones.
        connection: { jit: "off", ...(asApp === "role" ? { role: APP_ROLE } : {}), ...settings },
        ...(idleSeconds ? { idle_timeout: idleSeconds } : {}),
      });
    const client = open();
    const db = drizzlePostgres({ client, ...config }) as unknown as Database;
    const timed = new Map<number, { client: postgres.Sql; db: Database }>();
    timedPools.set(db, (timeoutMs) => {
      let pool = timed.get(timeoutMs);
      if (!pool) {
        // Opened on first use, its connections only as searches need them, closed when idle.
        const reads = open(
          { statement_timeout: String(timeoutMs), default_transaction_read_only: "on" },
          60,
        );
        pool = { client: reads, db: drizzlePostgres({ client: reads, ...config }) as never };
        timed.set(timeoutMs, pool);
      }
      return pool.db;
    });
    const close = async () => {
      await Promise.all([...timed.values()].map((p) => p.client.end({ timeout: 5 })));
      await client.end({ timeout: 5 });
    };
    return { db, driver: "postgres", sql: client, close };
  }
  // PGlite creates only the last folder of its path.
  if (!options.dataDir.startsWith("memory://"))
    mkdirSync(dirname(options.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { btree_gin, pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client: pglite, ...config }) as unknown as Database;
  return { db, driver: "pglite", pglite, close: () => pglite.close() };
}

// A PostgreSQL handle's read-only pools whose every statement is cancelled after a time
// limit, by limit (see timedReader).
const timedPools = new WeakMap<object, (timeoutMs: number) => Database>();

/**
 * A read-only connection pool of `db`'s whose statements PostgreSQL cancels after
 * `timeoutMs` (a connection setting, so a query costs one round trip, not the four of
 * `begin`, `set local statement_timeout`, the query and `commit`), or null where that
 * cannot be: a transaction, or the embedded PGlite, which cannot cancel a statement.
 */
export function timedReader(db: Executor, timeoutMs: number): Database | null {
  return timedPools.get(db)?.(Math.max(1, Math.trunc(timeoutMs))) ?? null;
}

/** Rows of a raw query on either driver (their result shapes differ). */
export async function queryRows<T>(
  db: Executor,
  query: Parameters<Database["execute"]>[0],
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
