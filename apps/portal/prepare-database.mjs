// The database's preparation: migrations, the reference data, and the demo on a first
// start. server.mjs runs it at every start; `npm start` (start.mjs) runs it first in a
// short-lived process of its own when the embedded database's folder is new, so that
// migrating and seeding grow that process's WebAssembly heap, which is never given back,
// and not the server's: the server then opens a seeded database as a restart does
// (docs/performance.md, "Embedded memory").
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDatabaseEnv } from "@ita/db";
import { openMigratedDatabase } from "@ita/db/migrate";
import { useInitialImage } from "@ita/db/pglite-image";
import { hasAnyAgency, seedDemo, seedReferenceData } from "@ita/db/seed";
import { env } from "./src/env.ts";

const here = dirname(fileURLToPath(import.meta.url));

// A new embedded database starts from the folder initialised at build time, not from
// initdb run here (docs/performance.md, "Embedded memory").
export const databaseOptions = useInitialImage(
  readDatabaseEnv(),
  join(here, "dist/pglite-initdb.tar.gz"),
);

/** Where a first start on a PGlite folder keeps the demo's sign-ins; none in memory or on PostgreSQL. */
export const accountsFile =
  databaseOptions.driver === "pglite" && !databaseOptions.dataDir.startsWith("memory://")
    ? join(dirname(databaseOptions.dataDir), "demo-accounts.txt")
    : undefined;

/** Migrates (as the owner on PostgreSQL, docs/adr/0009) and adds the demo on a first start. */
export async function prepareDatabase() {
  const handle = await openMigratedDatabase(databaseOptions);
  await seedReferenceData(handle.db);
  if (env.DEMO_DATA === "1" && !(await hasAnyAgency(handle.db))) {
    console.log("First start: adding demo data …");
    const accounts = await handle.db.transaction((tx) => seedDemo(tx));
    const text = accounts.map((a) => `${a.description}\n  ${a.email}  /  ${a.password}`).join("\n");
    if (accountsFile) {
      mkdirSync(dirname(accountsFile), { recursive: true });
      writeFileSync(accountsFile, `${text}\n`, { mode: 0o600 });
      chmodSync(accountsFile, 0o600);
    } else {
      console.log(text);
    }
  }
  return handle;
}

if (import.meta.main) {
  const handle = await prepareDatabase();
  await handle.close();
}
