import { mkdtemp } from "node:fs/promises";
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
