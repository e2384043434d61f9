import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { isNewPgliteFolder, type DatabaseOptions } from "./env.ts";

/**
 * An initialised, empty PGlite data folder, made at build time: the embedded install's
 * first start loads it (PGlite's `loadDataDir`) instead of running initdb inside the
 * server, which alone took the process to ~1 GB (docs/performance.md, "Embedded memory").
 */
export async function writeInitialImage(file: string | URL): Promise<number> {
  const pglite = await PGlite.create({ dataDir: "memory://" });
  try {
    const image = await pglite.dumpDataDir("gzip");
    writeFileSync(file, new Uint8Array(await image.arrayBuffer()));
    return image.size;
  } finally {
    await pglite.close();
  }
}

/**
 * The options with the image to start from when they open a PGlite folder that does not
 * exist yet or is empty, and the image was built; unchanged otherwise (PostgreSQL, memory,
 * a folder with data, no image).
 */
export function useInitialImage(options: DatabaseOptions, file: string | URL): DatabaseOptions {
  if (options.driver !== "pglite" || options.loadDataDir) return options;
  if (!isNewPgliteFolder(options) || !existsSync(file)) return options;
  return { ...options, loadDataDir: new Blob([readFileSync(file)]) };
}
