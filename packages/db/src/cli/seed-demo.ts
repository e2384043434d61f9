import { openMigratedDatabase } from "../migrate.ts";
import { hasAnyAgency, seedDemo } from "../seed/index.ts";

const handle = await openMigratedDatabase();
try {
  if (await hasAnyAgency(handle.db)) {
    console.log("The database already has agencies; demo data not added.");
  } else {
    const accounts = await handle.db.transaction((tx) => seedDemo(tx));
    for (const a of accounts) console.log(`${a.description}: ${a.email} / ${a.password}`);
  }
} finally {
  await handle.close();
}
