import { afterEach, describe, expect, it, vi } from "vitest";
import { base64Bytes, saveFile } from "./download.ts";

describe("download", () => {
  afterEach(() => vi.restoreAllMocks());

  it("decodes the API's base64 into the file's exact bytes", () => {
    expect([...base64Bytes("AP+AEA==")]).toEqual([0x00, 0xff, 0x80, 0x10]);
  });

  it("clicks a link named for the file, attached while clicked, and keeps the URL until later", async () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:made");
    const revoked = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const clicked: { name: string; inDocument: boolean; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ name: this.download, inDocument: this.isConnected, href: this.href });
    });

    saveFile("รายงาน.xlsx", new Uint8Array([1, 2]), "application/vnd.ms-excel");

    expect(clicked).toEqual([{ name: "รายงาน.xlsx", inDocument: true, href: "blob:made" }]);
    const blob = created.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe("application/vnd.ms-excel");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    expect(document.querySelector("a[download]")).toBeNull();
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoked).toHaveBeenCalledWith("blob:made");
    vi.useRealTimers();
  });
});
