import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { APP_ROLE, createDatabase, type DatabaseHandle } from "../client.ts";
import { withDatabase, type TestDriver } from "./drivers.ts";

export * from "./factories.ts";
export type { TestDriver } from "./drivers.ts";

const HOOK_TIMEOUT = 60_000;

export function testDrivers(): TestDriver[] {
  return inject("itaTestDatabases").drivers;
}

/** A fresh, migrated database of its own; `close()` also drops it. */
export async function createTestDatabase(driver: TestDriver): Promise<DatabaseHandle> {
  const settings = inject("itaTestDatabases");
  if (driver === "pglite") {
    const loadDataDir = new Blob([readFileSync(settings.pgliteTemplateFile!)]);
    return createDatabase({ driver: "pglite", dataDir: "memory://", loadDataDir });
  }
  const name = `ita_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(settings.postgresUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${settings.postgresTemplate}`);
  // A database's own grants are not copied from its template: repeat migration 0019's.
  await admin.unsafe(`GRANT CREATE ON DATABASE ${name} TO ${APP_ROLE}`);
  const handle = await createDatabase({
    driver: "postgres",
    url: withDatabase(settings.postgresUrl!, name),
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Runs the suite once per available driver, each on its own fresh database.
 * `use()` returns the handle inside tests.
 */
export function describeEachDriver(
  name: string,
  suite: (use: () => DatabaseHandle, driver: TestDriver) => void,
) {
  for (const driver of testDrivers()) {
    describe(`${name} [${driver}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(driver);
      }, HOOK_TIMEOUT);
      afterAll(async () => {
        await handle?.close();
      }, HOOK_TIMEOUT);
      suite(() => {
        if (!handle) throw new Error("test database not ready");
        return handle;
      }, driver);
    });
  }
}
