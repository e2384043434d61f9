import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { readFilesDir } from "../env.ts";

/**
 * Uploaded files, content-addressed on disk (`<dir>/ab/cd/<sha256>`): the same file
 * uploaded twice is stored once, and a stored file never changes, so it can be cached
 * forever by key. Metadata (name, type, owner) lives in the `attachments` table.
 */
export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

export interface FileStore {
  put(bytes: Uint8Array): Promise<StoredFile>;
  read(key: string): Promise<Uint8Array | null>;
  stream(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Deletes a stored file (only for stores whose files have a single owner each). */
  remove(key: string): Promise<void>;
  /**
   * Every stored file with its write time, for sweeps of files no row refers to;
   * `partial` for a write that never finished (its key is the temporary file's name).
   */
  list(): AsyncIterable<{ key: string; modifiedAt: Date; partial: boolean }>;
}

const KEY = /^[0-9a-f]{64}$/;
const PARTIAL = /^[0-9a-f]{64}\.\d+\.\d+\.tmp$/;

export function createFileStore(dir: string = readFilesDir()): FileStore {
  const pathOf = (key: string, partial = false) => {
    if (!KEY.test(key) && !(partial && PARTIAL.test(key))) throw new Error("invalid file key");
    return join(dir, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(bytes) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const target = pathOf(sha256);
      const existing = await stat(target).catch(() => null);
      if (!existing) {
        await mkdir(dirname(target), { recursive: true });
        // Write then rename, so a crash never leaves a half file under its final name.
        const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(temp, bytes);
        await rename(temp, target);
      }
      return { key: sha256, sha256, size: bytes.byteLength };
    },
    async read(key) {
      return readFile(pathOf(key)).catch(() => null);
    },
    async stream(key) {
      const path = pathOf(key);
      const info = await stat(path).catch(() => null);
      return info ? { stream: createReadStream(path), size: info.size } : null;
    },
    async remove(key) {
      await rm(pathOf(key, true), { force: true });
    },
    async *list() {
      const level = (path: string) =>
        readdir(path, { withFileTypes: true }).catch(() => [] as never[]);
      for (const a of await level(dir)) {
        if (!a.isDirectory()) continue;
        for (const b of await level(join(dir, a.name))) {
          if (!b.isDirectory()) continue;
          for (const f of await level(join(dir, a.name, b.name))) {
            const partial = PARTIAL.test(f.name);
            if (!partial && !KEY.test(f.name)) continue;
            const info = await stat(join(dir, a.name, b.name, f.name)).catch(() => null);
            if (info) yield { key: f.name, modifiedAt: info.mtime, partial };
          }
        }
      }
    },
  };
}
