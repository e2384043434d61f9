// The production start: `node apps/portal/start.mjs` (what `npm start` runs) replaces
// itself (process.execve: same pid, no second process) with `node <NODE_FLAGS> server.mjs`.
// V8 flags cannot be set from inside a running process and NODE_OPTIONS refuses
// --liftoff-only, so this is the one place the server's Node flags are written; tests,
// benchmarks and docs/deploy.md all start the server through it. server.mjs's cluster
// processes inherit the flags (cluster.fork passes process.execArgv).
// Why each flag: docs/performance.md, "Embedded memory".
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The server's Node flags. Unconditional: --liftoff-only keeps PGlite's WebAssembly on
 * V8's baseline compiler (its optimising tier-up peaked at ~640 MB; PGlite's text
 * searches run 30–50 % slower for it); with DATABASE_URL no PGlite is loaded, so it
 * changes nothing there. A small young generation (~80 MB less RSS at idle), and
 * fast-resolve.mjs (drizzle-orm's exports map read once, ~100 MB less at start-up).
 */
export const NODE_FLAGS = [
  "--liftoff-only",
  "--max-semi-space-size=2",
  "--import",
  join(here, "fast-resolve.mjs"),
];

if (import.meta.main) {
  const args = [...NODE_FLAGS, join(here, "server.mjs"), ...process.argv.slice(2)];
  process.execve(process.execPath, [process.execPath, ...args]); // the environment as it is
}
