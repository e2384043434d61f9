import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
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
}

const KEY = /^[0-9a-f]{64}$/;

export function createFileStore(dir: string = readFilesDir()): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error("invalid file key");
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
  };
}
