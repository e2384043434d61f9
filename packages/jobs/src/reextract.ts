// Reads the text of stored files again: `pnpm --filter @ita/jobs reextract` (all files,
// or, when a previous run stopped half-way, the files it left) — progress on one line.
// With the embedded PGlite, stop `npm start` first (one process per database); with
// DATABASE_URL it can run beside the server, or queue the `document-text-all` job instead.
import { markAllForReading, readWaitingFiles, textProgress } from "@ita/api/jobs";
import { createFileStore } from "@ita/db/files";
import { openMigratedDatabase } from "@ita/db/migrate";

// On PostgreSQL: migrated as the owner, run as the application role (ADR 0009).
const handle = await openMigratedDatabase();
const before = await textProgress(handle.db);
if (before.waiting === 0) await markAllForReading(handle.db);
else console.log(`Resuming: ${before.waiting} of ${before.total} files still to read.`);
const started = Date.now();
const done = await readWaitingFiles(
  { db: handle.db, files: createFileStore(), send: async () => {} },
  {
    onProgress: ({ done, waiting, total }) => {
      const rate = done / ((Date.now() - started) / 1000);
      process.stdout.write(
        `\r${total - waiting}/${total} files read (${(((total - waiting) / total) * 100).toFixed(1)} %), ${rate.toFixed(1)} files/s   `,
      );
    },
  },
);
console.log(`\nRead ${done} files in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
await handle.close();
