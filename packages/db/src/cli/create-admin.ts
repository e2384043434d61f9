// Usage: pnpm --filter @ita/db create-admin --email admin@agency.go.th [--name "ชื่อ"]
import { parseArgs } from "node:util";
import { openMigratedDatabase } from "../migrate.ts";
import { createSystemAdmin } from "../seed/system-admin.ts";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error('usage: create-admin --email <address> [--name "display name"]');
  process.exit(2);
}
const handle = await openMigratedDatabase();
try {
  const { email, password } = await createSystemAdmin(handle.db, {
    email: values.email,
    displayName: values.name,
  });
  console.log(
    `System administrator created: ${email}\nOne-time password (change it after signing in): ${password}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
