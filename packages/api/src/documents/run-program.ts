import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { programSearchPath } from "./env.ts";

/**
 * The one way the product runs an external program (poppler, tesseract) on a file
 * someone uploaded: every caller gets the same limits, so a hostile file can cost at
 * most this much. The program runs in its own process group under `sh -c ulimit …`;
 * on timeout or too much output the whole group is killed.
 */
export interface ProgramLimits {
  /** Wall-clock time before the process group is killed. */
  timeoutMs: number;
  /** Address space (ulimit -v): a decompression bomb runs out of memory, not the machine. */
  memoryMb: number;
  /** CPU seconds (ulimit -t), a second guard behind the timeout. */
  cpuSeconds: number;
  /** Largest file the program may write (ulimit -f): rasterised pages of a bomb. */
  fileMb: number;
  /** Bytes of stdout kept; more kills the program. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: ProgramLimits = {
  timeoutMs: 30_000,
  memoryMb: 1024,
  cpuSeconds: 60,
  fileMb: 256,
  maxOutputBytes: 8 * 1024 * 1024,
};

export type ProgramFailure = "missing" | "timeout" | "output" | "failed";

export class ProgramError extends Error {
  readonly reason: ProgramFailure;
  constructor(reason: ProgramFailure, message: string) {
    super(message);
    this.name = "ProgramError";
    this.reason = reason;
  }
}

const found = new Map<string, boolean>();

/** Whether `name` is on PATH (checked once per process). */
export function hasProgram(name: string): boolean {
  let yes = found.get(name);
  if (yes === undefined) {
    yes = programSearchPath()
      .split(delimiter)
      .some((dir) => {
        try {
          accessSync(join(dir, name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      });
    found.set(name, yes);
  }
  return yes;
}

// `exec "$0" "$@"` keeps arguments out of the shell's parsing: file names are never code.
// dash's ulimit takes one limit per call.
const LIMITED =
  'ulimit -v "$ITA_MEM_KB" && ulimit -t "$ITA_CPU_S" && ulimit -f "$ITA_FILE_BLOCKS" && exec "$0" "$@"';

/** Runs `command args…` under the limits; resolves with its stdout, rejects with a ProgramError. */
export function runProgram(
  command: string,
  args: string[],
  options: { limits?: Partial<ProgramLimits>; cwd?: string } = {},
): Promise<Buffer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!hasProgram(command))
    return Promise.reject(new ProgramError("missing", `${command} is not installed`));
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", LIMITED, command, ...args], {
      cwd: options.cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: programSearchPath(),
        LANG: "C.UTF-8",
        OMP_THREAD_LIMIT: "1",
        ITA_MEM_KB: String(limits.memoryMb * 1024),
        ITA_CPU_S: String(limits.cpuSeconds),
        // ulimit -f counts 512-byte blocks in POSIX sh (dash, bash --posix)
        ITA_FILE_BLOCKS: String(limits.fileMb * 2048),
      },
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = "";
    let failure: ProgramError | null = null;
    const kill = (error: ProgramError) => {
      failure ??= error;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(
      () => kill(new ProgramError("timeout", `${command} took over ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limits.maxOutputBytes)
        kill(new ProgramError("output", `${command} wrote over ${limits.maxOutputBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => kill(new ProgramError("failed", error.message)));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0)
        reject(
          new ProgramError(
            "failed",
            `${command} exited with ${code ?? signal}: ${stderr.trim().slice(0, 500)}`,
          ),
        );
      else resolve(Buffer.concat(chunks));
    });
  });
}
