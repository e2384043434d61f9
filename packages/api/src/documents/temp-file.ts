import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs `work` with the bytes in a private temporary folder, removed afterwards whatever happens. */
export async function withTempFile<T>(
  bytes: Uint8Array,
  name: string,
  work: (path: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "ita-doc-"));
  try {
    const path = join(dir, name);
    await writeFile(path, bytes, { mode: 0o600 });
    return await work(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
