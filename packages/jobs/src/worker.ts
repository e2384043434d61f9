// A worker process of its own: `DATABASE_URL=postgres://… pnpm --filter @ita/jobs worker`.
// Runs every task of the job queue against the PostgreSQL server until SIGINT/SIGTERM.
// (With the embedded PGlite only one process may open the database: `npm start` runs
// the tasks in the web process instead.)
import { createDatabase, readDatabaseEnv } from "@ita/db";
import { startJobQueue } from "./queue.ts";

const options = readDatabaseEnv();
if (options.driver !== "postgres") {
  console.error(
    "The job worker needs DATABASE_URL (a PostgreSQL server): PGlite allows one process, and npm start runs the jobs there.",
  );
  process.exit(1);
}
const handle = await createDatabase(options);
const queue = await startJobQueue(handle, { work: true });
console.log("job worker running");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void queue
      .stop()
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}
