/**
 * Memory and processor time of a server and every process under it (cluster workers,
 * the node behind a flock), and of a database's PostgreSQL backends, read from /proc.
 * Shared by bench/portal and bench/page-cache.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface Memory {
  /** Resident set now, summed over the processes, MiB. */
  rssMiB: number;
  /** Peak resident set (VmHWM), summed over the processes, MiB. */
  peakMiB: number;
  processes: number;
}

/** Programs that only wrap the server (they hold no memory worth counting). */
const WRAPPERS = new Set(["flock", "sh"]);

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children; // gone
  }
  // A child can be forked by any thread of the parent, so every task's list counts.
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8");
      for (const child of text.split(" ").filter(Boolean)) children.push(Number(child));
    } catch {
      // the thread ended
    }
  }
  return children;
}

/** `pid` and all its descendants. */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...childrenOf(next));
  }
  return tree;
}

/** RSS and peak RSS of a process and its descendants, without wrappers such as flock. */
export function memoryOf(pid: number): Memory {
  let rssKiB = 0;
  let peakKiB = 0;
  let processes = 0;
  for (const p of processTree(pid)) {
    let status: string;
    try {
      status = readFileSync(`/proc/${p}/status`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    if (WRAPPERS.has(/^Name:\s+(\S+)/m.exec(status)?.[1] ?? "")) continue;
    rssKiB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakKiB += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    processes++;
  }
  return { rssMiB: Math.round(rssKiB / 1024), peakMiB: Math.round(peakKiB / 1024), processes };
}

/**
 * Samples a server's summed RSS while it works (load runs in another process, so the
 * event loop is free to tick); `stop()` gives the highest sum seen. The sum of the
 * processes' own VmHWM can overstate a simultaneous peak; this cannot.
 */
export function sampleMemory(pid: number, everyMs = 250): { stop(): number } {
  let highest = memoryOf(pid).rssMiB;
  const timer = setInterval(() => {
    highest = Math.max(highest, memoryOf(pid).rssMiB);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(highest, memoryOf(pid).rssMiB);
    },
  };
}

/**
 * The peak of a start: every 50 ms, the sum of the peaks (VmHWM) of the processes alive
 * then; `stop()` gives the highest. Unlike the server's own VmHWM it counts what ran
 * beside it and ended before: `npm start` prepares a new embedded database in a process
 * of its own while the launcher waits, and the launcher's VmHWM starts again when it
 * becomes the server (execve). It can overstate a little (peaks reached at different
 * moments), never miss a helper that lived longer than a sample.
 */
export function sampleStartPeak(pid: number, everyMs = 50): { stop(): number } {
  let highest = 0;
  const sample = () => (highest = Math.max(highest, memoryOf(pid).peakMiB));
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(highest, memoryOf(pid).peakMiB);
    },
  };
}

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/** Processor seconds (user + system) each process has used so far. */
export function cpuSeconds(pids: readonly number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which may hold spaces: state is field 3, utime 14.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // ended
    }
  }
  return seconds;
}

/** Processor seconds used between two readings (a process new since `before` counts in full). */
export function cpuUsed(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
  return used;
}

/**
 * The PostgreSQL backends connected to `database` on this machine, found by their
 * process titles ("postgres: [<cluster>: ]<user> <database> <client> …", Debian names
 * the cluster), without a connection.
 */
export function postgresBackends(database: string): number[] {
  const backends: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      const [, , db] = /^postgres: (?:[^:\s]+: )?(\S+) (\S+) /.exec(title) ?? [];
      if (db === database) backends.push(Number(entry));
    } catch {
      // ended, or not ours to read
    }
  }
  return backends;
}
