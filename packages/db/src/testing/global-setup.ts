import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import {
  canConnect,
  DEFAULT_POSTGRES_URL,
  withDatabase,
  type TestDatabaseSettings,
  type TestDriver,
} from "./drivers.ts";

/**
 * Vitest global setup shared by every package with database tests: migrates one
 * template per driver so each test file gets a fresh database quickly (a PGlite dump
 * loaded in memory; `CREATE DATABASE … TEMPLATE` on the server).
 */
// eslint-disable-next-line no-restricted-syntax -- test harness settings
const env = process.env;

export default async function setup(project: TestProject) {
  const wanted = (env.TEST_DRIVERS ?? "pglite,postgres")
    .split(",")
    .map((d) => d.trim()) as TestDriver[];
  const settings: TestDatabaseSettings = { drivers: [] };
  const cleanups: (() => Promise<void> | void)[] = [];

  if (wanted.includes("pglite")) {
    const handle = await createDatabase({ driver: "pglite", dataDir: "memory://" });
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    await handle.close();
    const file = join(tmpdir(), `ita-pglite-template-${process.pid}-${Date.now()}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    cleanups.push(() => rmSync(file, { force: true }));
    settings.drivers.push("pglite");
    settings.pgliteTemplateFile = file;
  }

  if (wanted.includes("postgres")) {
    const url = env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
    if (await canConnect(url)) {
      const template = `ita_tpl_${process.pid}_${Date.now().toString(36)}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8'`);
      const handle = await createDatabase(
        { driver: "postgres", url: withDatabase(url, template) },
        { owner: true },
      );
      await migrateDatabase(handle);
      await handle.close();
      cleanups.push(async () => {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
        await admin.end();
      });
      settings.drivers.push("postgres");
      settings.postgresUrl = url;
      settings.postgresTemplate = template;
    } else {
      settings.postgresSkipped = `no PostgreSQL server at ${new URL(url).host}`;
    }
  }

  const skipped = settings.postgresSkipped
    ? ` (postgres skipped: ${settings.postgresSkipped})`
    : "";
  console.log(
    `[db tests] ${project.config.name || "tests"}: drivers ${settings.drivers.join(" + ")}${skipped}`,
  );
  project.provide("itaTestDatabases", settings);

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
