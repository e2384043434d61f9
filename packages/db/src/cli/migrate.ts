import { createDatabase } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";

const handle = await createDatabase();
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
