// The production start: `node apps/portal/start.mjs` (what `npm start` runs) replaces
// itself (process.execve: same pid, no second process) with `node <nodeFlags> server.mjs`.
// V8 flags cannot be set from inside a running process and NODE_OPTIONS refuses
// --liftoff-only, so this is the one place the server's Node flags are written; tests,
// benchmarks and docs/deploy.md all start the server through it. server.mjs's cluster
// processes inherit the flags (cluster.fork passes process.execArgv).
// Before that, the first start of an embedded database is migrated and seeded by
// prepare-database.mjs in a process of its own that ends before the server opens it.
// Why each flag and the first start's process: docs/performance.md, "Embedded memory".
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isNewPgliteFolder, readDatabaseEnv } from "@ita/db/env";

const here = dirname(fileURLToPath(import.meta.url));
const launched = Date.now();

/**
 * The server's Node flags, by database. --liftoff-only keeps PGlite's WebAssembly on V8's
 * baseline compiler (its optimising tier-up peaked at ~640 MB; PGlite's text searches run
 * 30–50 % slower for it); with DATABASE_URL no PGlite is loaded, so it changes nothing
 * there. fast-resolve.mjs reads drizzle-orm's exports map once (~1 s less CPU at start).
 * A small young generation only for the embedded database, whose memory has an aim: ~80
 * MB less RSS at idle, but on PostgreSQL a page rendered with it cost 8.1–8.4 ms of CPU
 * against 6.4–6.7 with V8's own sizing (docs/performance.md, "Cache misses again").
 */
export function nodeFlags(driver) {
  return [
    "--liftoff-only",
    ...(driver === "pglite" ? ["--max-semi-space-size=2"] : []),
    "--import",
    join(here, "fast-resolve.mjs"),
  ];
}

/** The database settings, or null when the server will refuse them (it says why itself). */
function databaseSettings() {
  try {
    return readDatabaseEnv();
  } catch {
    return null;
  }
}

/** Whether this start opens an embedded database folder for the first time. */
function firstEmbeddedStart(settings) {
  try {
    return settings !== null && isNewPgliteFolder(settings);
  } catch {
    return false;
  }
}

if (import.meta.main) {
  // Migrating and seeding the demo grow PGlite's WebAssembly heap, which is never given
  // back: done in the server, that stayed in it for as long as it ran (~50 MB at idle). A
  // process of its own, with the server's flags, does it and ends; the server then opens
  // a seeded database as on a restart, and still migrates whatever an upgrade brings.
  const settings = databaseSettings();
  const flags = nodeFlags(settings?.driver ?? "pglite");
  if (firstEmbeddedStart(settings)) {
    const prepared = spawnSync(process.execPath, [...flags, join(here, "prepare-database.mjs")], {
      stdio: "inherit",
    });
    if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  }
  const args = [...flags, join(here, "server.mjs"), ...process.argv.slice(2)];
  // The environment as it is, and when the launch began for the banner's "ready in".
  process.execve(process.execPath, [process.execPath, ...args], {
    // eslint-disable-next-line no-restricted-syntax -- the server's environment is this one
    ...process.env,
    ITA_LAUNCHED_AT: String(launched),
  });
}
