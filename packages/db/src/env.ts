import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

export function repoRoot(from: string): string {
  let dir = resolve(from);
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    dir = dirname(dir);
  }
  return resolve(from);
}

// An empty variable counts as unset (DATABASE_URL= forces the embedded database).
const blankAsUnset = (v: unknown) => (v === "" ? undefined : v);

const DatabaseEnv = z.object({
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z.url({ error: "DATABASE_URL must be a postgres:// URL" }).optional(),
  ),
  APP_DATABASE_URL: z.preprocess(
    blankAsUnset,
    z.url({ error: "APP_DATABASE_URL must be a postgres:// URL" }).optional(),
  ),
  PGLITE_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  FILES_DIR: z.preprocess(blankAsUnset, z.string().optional()),
});

/**
 * Where uploaded files live: <repo>/.data/files, or FILES_DIR — with several machines, a
 * directory they all mount (docs/deploy.md). Files are content-addressed and never
 * change, so any shared file system that renames atomically will do.
 */
export function readFilesDir(
  // eslint-disable-next-line no-restricted-syntax -- this module is the env reader
  env: Record<string, string | undefined> = process.env,
): string {
  return DatabaseEnv.parse(env).FILES_DIR ?? join(repoRoot(process.cwd()), ".data", "files");
}

export type DatabaseOptions =
  | {
      driver: "postgres";
      /** The owner's connection: migrations (and, without `appUrl`, the app as `ita_app`). */
      url: string;
      /** The app's own login (a member of `ita_app`), when the operator made one. */
      appUrl?: string;
    }
  | { driver: "pglite"; dataDir: string; loadDataDir?: Blob };

/**
 * The one place that reads the database settings: postgres.js when DATABASE_URL is set
 * (APP_DATABASE_URL optionally for the app's own login, docs/adr/0009), otherwise
 * embedded PGlite with its data in <repo>/.data/pglite (or PGLITE_DIR; "memory://"
 * keeps it in memory).
 */
export function readDatabaseEnv(
  // eslint-disable-next-line no-restricted-syntax -- this module is the env reader
  env: Record<string, string | undefined> = process.env,
): DatabaseOptions {
  const parsed = DatabaseEnv.parse(env);
  if (parsed.DATABASE_URL)
    return {
      driver: "postgres",
      url: parsed.DATABASE_URL,
      ...(parsed.APP_DATABASE_URL ? { appUrl: parsed.APP_DATABASE_URL } : {}),
    };
  const dataDir = parsed.PGLITE_DIR ?? join(repoRoot(process.cwd()), ".data", "pglite");
  return { driver: "pglite", dataDir };
}

/**
 * Whether the options open an embedded database folder that does not exist yet or is
 * empty: a first start, which loads the initial image (pglite-image.ts) and, under
 * `npm start`, is migrated and seeded by a process of its own (apps/portal/start.mjs).
 */
export function isNewPgliteFolder(options: DatabaseOptions): boolean {
  if (options.driver !== "pglite" || options.dataDir.startsWith("memory://")) return false;
  return !existsSync(options.dataDir) || readdirSync(options.dataDir).length === 0;
}
