import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createFileStore } from "./file-store.ts";

it("stores files by content hash, once, and reads them back", async () => {
  const store = createFileStore(await mkdtemp(join(tmpdir(), "ita-files-")));
  const bytes = new TextEncoder().encode("รายงานผลการจัดซื้อจัดจ้าง");
  const a = await store.put(bytes);
  const b = await store.put(bytes);
  expect(a.key).toMatch(/^[0-9a-f]{64}$/);
  expect(b).toEqual(a);
  expect(new TextDecoder().decode((await store.read(a.key))!)).toBe("รายงานผลการจัดซื้อจัดจ้าง");
  expect(await store.read("0".repeat(64))).toBeNull();
  await expect(store.read("../../etc/passwd")).rejects.toThrow("invalid file key");
});

it("lists stored files and half-written ones, and removes them", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ita-files-"));
  const store = createFileStore(dir);
  const a = await store.put(new TextEncoder().encode("หลักฐาน"));
  const partialName = `${"ab".repeat(32)}.123.456.tmp`;
  await mkdir(join(dir, "ab", "ab"), { recursive: true });
  await writeFile(join(dir, "ab", "ab", partialName), "half");
  const listed = [];
  for await (const f of store.list()) listed.push(f);
  expect(listed.map((f) => [f.key, f.partial]).sort()).toEqual(
    [
      [a.key, false],
      [partialName, true],
    ].sort(),
  );
  await store.remove(a.key);
  await store.remove(partialName);
  expect(await store.read(a.key)).toBeNull();
  const after = [];
  for await (const f of store.list()) after.push(f);
  expect(after).toEqual([]);
  await expect(store.remove("../x")).rejects.toThrow("invalid file key");
});
