import { existsSync } from "node:fs";
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
  PGLITE_DIR: z.preprocess(blankAsUnset, z.string().optional()),
});

export type DatabaseOptions =
  { driver: "postgres"; url: string } | { driver: "pglite"; dataDir: string; loadDataDir?: Blob };

/**
 * The one place that reads the database settings: postgres.js when DATABASE_URL is set,
 * otherwise embedded PGlite with its data in <repo>/.data/pglite (or PGLITE_DIR;
 * "memory://" keeps it in memory).
 */
export function readDatabaseEnv(
  // eslint-disable-next-line no-restricted-syntax -- this module is the env reader
  env: Record<string, string | undefined> = process.env,
): DatabaseOptions {
  const parsed = DatabaseEnv.parse(env);
  if (parsed.DATABASE_URL) return { driver: "postgres", url: parsed.DATABASE_URL };
  const dataDir = parsed.PGLITE_DIR ?? join(repoRoot(process.cwd()), ".data", "pglite");
  return { driver: "pglite", dataDir };
}
