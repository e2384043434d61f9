import { describe, expect, it } from "vitest";
import { ProgramError, runProgram } from "./run-program.ts";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof ProgramError ? e.reason : e),
  );

describe("runProgram", () => {
  it("returns stdout and never lets the shell read arguments", async () => {
    expect((await runProgram("echo", ["$(id)", "`id`;", "a b"])).toString()).toBe(
      "$(id) `id`; a b\n",
    );
  });

  it("kills the whole process group when the time is up", async () => {
    const started = Date.now();
    // sh forks sleep as a child: the group kill must take it too.
    expect(
      await failure(
        runProgram("sh", ["-c", "sleep 30; echo late"], { limits: { timeoutMs: 300 } }),
      ),
    ).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("stops a program that writes more than the output cap", async () => {
    expect(await failure(runProgram("yes", [], { limits: { maxOutputBytes: 100_000 } }))).toBe(
      "output",
    );
  });

  it("holds the program to its memory limit", async () => {
    // 64 MB address space is not enough to start another shell allocating 200 MB.
    const hog = "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo ${#x}";
    expect(await failure(runProgram("sh", ["-c", hog], { limits: { memoryMb: 64 } }))).toBe(
      "failed",
    );
  });

  it("says when a program is missing or fails", async () => {
    expect(await failure(runProgram("no-such-program-ita", []))).toBe("missing");
    expect(await failure(runProgram("false", []))).toBe("failed");
  });
});
