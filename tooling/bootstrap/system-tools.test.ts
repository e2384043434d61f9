import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { chromiumTool } from "./browser.mjs";
import { aptAccess, ensureSystemTool, onPath } from "./system-tools.mjs";

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const ubuntu = "NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\n";

describe("aptAccess", () => {
  it("uses apt-get directly as root on Debian and Ubuntu", () => {
    expect(aptAccess({ osRelease: debian, uid: 0, hasAptGet: true })).toBe("root");
    expect(aptAccess({ osRelease: ubuntu, uid: 0, hasAptGet: true })).toBe("root");
  });
  it("uses password-less sudo for other users, and nothing without it", () => {
    const base = { osRelease: debian, uid: 1000, hasAptGet: true };
    expect(aptAccess({ ...base, canSudo: () => true })).toBe("sudo");
    expect(aptAccess({ ...base, canSudo: () => false })).toBeUndefined();
  });
  it("never uses apt-get elsewhere", () => {
    expect(aptAccess({ osRelease: "ID=fedora\n", uid: 0, hasAptGet: true })).toBeUndefined();
    expect(aptAccess({ osRelease: debian, uid: 0, hasAptGet: false })).toBeUndefined();
  });
});

describe("ensureSystemTool", () => {
  const quiet = { log: () => {}, fail: (hint: string) => `failed: ${hint}` };
  const tool = (found: Array<string | undefined>, fallback?: () => boolean) => {
    const find = vi.fn();
    for (const value of found) find.mockReturnValueOnce(value);
    return { name: "x", find, debian: ["x-pkg"], fallback, hint: "install x" };
  };

  it("uses what is there without installing", () => {
    const install = vi.fn();
    expect(ensureSystemTool(tool(["/usr/bin/x"]), { ...quiet, access: "root", install })).toBe(
      "/usr/bin/x",
    );
    expect(install).not.toHaveBeenCalled();
  });
  it("installs the Debian package when it may", () => {
    const install = vi.fn(() => true);
    const found = ensureSystemTool(tool([undefined, "/usr/bin/x"]), {
      ...quiet,
      access: "root",
      install,
    });
    expect(found).toBe("/usr/bin/x");
    expect(install).toHaveBeenCalledWith(["x-pkg"], "root", quiet.log);
  });
  it("tries the fallback when apt-get is not available", () => {
    const fallback = vi.fn(() => true);
    const install = vi.fn();
    const found = ensureSystemTool(tool([undefined, true], fallback), {
      ...quiet,
      access: null,
      install,
    });
    expect(found).toBe(true);
    expect(install).not.toHaveBeenCalled();
  });
  it("stops with the hint when nothing worked", () => {
    const found = ensureSystemTool(
      tool([undefined, undefined, undefined], () => false),
      { ...quiet, access: "root", install: () => false },
    );
    expect(found).toBe("failed: install x");
  });
});

describe("chromiumTool", () => {
  it("finds a chromium on PATH", () => {
    const dir = mkdtempSync(join(tmpdir(), "ita-bin-"));
    writeFileSync(join(dir, "chromium"), "#!/bin/sh\n");
    chmodSync(join(dir, "chromium"), 0o755);
    expect(onPath("chromium", dir)).toBe(join(dir, "chromium"));
    expect(chromiumTool("/nowhere", { PATH: dir }).find()).toBe(join(dir, "chromium"));
  });
  it("holds to CHROMIUM_PATH and names it when it points to nothing", () => {
    const tool = chromiumTool("/nowhere", { PATH: "", CHROMIUM_PATH: "/no/such/chromium" });
    expect(tool.find()).toBeUndefined();
    expect(tool.debian).toEqual([]);
    expect(tool.fallback()).toBe(false);
    expect(tool.hint).toContain("CHROMIUM_PATH is set to /no/such/chromium");
  });
  it("says in one sentence what to install", () => {
    const { hint } = chromiumTool("/nowhere", { PATH: "" });
    expect(hint).toMatch(/apt-get install chromium/);
    expect(hint.trim().split(/\.\s/)).toHaveLength(1);
  });
});
