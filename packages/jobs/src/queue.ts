import type { DatabaseHandle } from "@ita/db";
import { createFileStore, type FileStore } from "@ita/db/files";
import { PgBoss } from "pg-boss";
import { registerJobSender, TASKS, type TaskName } from "@ita/api/jobs";

/** pg-boss keeps its tables in this schema, apart from ours. */
export const JOB_SCHEMA = "jobs";

/**
 * pg-boss over our own connection, on either driver: its schema SQL is several
 * statements in one string, which PGlite's `query` (extended protocol) refuses, hence
 * `exec` when there are no parameters (docs/adr/0013-one-job-queue-pg-boss.md).
 */
function executor(handle: DatabaseHandle) {
  if (handle.pglite) {
    const pglite = handle.pglite;
    return {
      executeSql: async (text: string, values?: unknown[]) =>
        values?.length
          ? pglite.query(text, values)
          : ((await pglite.exec(text)).at(-1) ?? { rows: [] }),
    };
  }
  const sql = handle.sql!;
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      if (values?.length) return { rows: await sql.unsafe(text, values.map(asParameter)) };
      // Schema changes and locks come as "BEGIN; …; COMMIT;" in one string: postgres.js
      // runs those only on a connection of their own.
      const connection = await sql.reserve();
      try {
        const results = (await connection.unsafe(text).simple()) as unknown[];
        const last = Array.isArray(results.at(-1)) ? results.at(-1) : results;
        return { rows: last as unknown[] };
      } finally {
        connection.release();
      }
    },
  };
}

/** node-postgres' conversions, which pg-boss relies on: JSON for objects, null for undefined. */
function asParameter(value: unknown): never {
  if (value === undefined) return null as never;
  const plainObject =
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array) &&
    (!Array.isArray(value) || value.some((v) => typeof v === "object" && v !== null));
  return (plainObject ? JSON.stringify(value) : value) as never;
}

export interface JobQueue {
  send(name: TaskName, data: object, options?: { singletonKey?: string }): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
}

export interface StartJobQueueOptions {
  /** Run the tasks in this process (the web process with PGlite, or the worker). */
  work: boolean;
  files?: FileStore;
  /** How often an idle worker asks for work. */
  pollingIntervalSeconds?: number;
}

/**
 * The product's one job queue: starts pg-boss (creating or migrating its schema),
 * declares every task's queue, and — when `work` — runs the tasks here. Registers
 * itself so use cases in this process can send jobs (`enqueueJob`).
 */
export async function startJobQueue(
  handle: DatabaseHandle,
  { work, files = createFileStore(), pollingIntervalSeconds = 2 }: StartJobQueueOptions,
): Promise<JobQueue> {
  const boss = new PgBoss({ db: executor(handle), schema: JOB_SCHEMA, schedule: work });
  boss.on("error", (error) => console.error("job queue:", error));
  await boss.start();
  for (const [name, task] of Object.entries(TASKS)) {
    await boss.createQueue(name, task.queue);
    if (!work) continue;
    await boss.work<Record<string, unknown>>(
      name,
      { pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        if (job) await task.run({ db: handle.db, files, send }, job.data as never);
      },
    );
    if (task.cron) await boss.schedule(name, task.cron);
  }
  const send: JobQueue["send"] = async (name, data, options) => {
    await boss.send(name, data, options);
  };
  const unregister = registerJobSender(send);
  return {
    send,
    boss,
    stop: async () => {
      unregister();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
