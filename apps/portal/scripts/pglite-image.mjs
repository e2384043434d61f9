// Writes dist/pglite-initdb.tar.gz: an initialised, empty embedded database that the first
// `npm start` loads instead of running initdb in the server (docs/performance.md,
// "Embedded memory"). Run with --liftoff-only, as the server is (package.json).
import { writeInitialImage } from "@ita/db/pglite-image";

const bytes = await writeInitialImage(new URL("../dist/pglite-initdb.tar.gz", import.meta.url));
console.log(`pglite-initdb.tar.gz: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
