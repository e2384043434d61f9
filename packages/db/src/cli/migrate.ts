import { createDatabase } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";

// Migrations change the schema: the owner's connection, not the application role.
const handle = await createDatabase(undefined, { owner: true });
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
