import type { TaskName } from "./tasks.ts";

type Sender = (name: TaskName, data: object, options?: { singletonKey?: string }) => Promise<void>;

/**
 * The queue of this process, under a global symbol: the Astro bundle and server.mjs
 * load separate copies of our modules (as with the database handle).
 */
const SENDER = Symbol.for("ita.jobs.sender");
type WithSender = typeof globalThis & { [SENDER]?: Sender };

export function registerJobSender(send: Sender): () => void {
  (globalThis as WithSender)[SENDER] = send;
  return () => {
    if ((globalThis as WithSender)[SENDER] === send) delete (globalThis as WithSender)[SENDER];
  };
}

/**
 * Queues a job when this process has a queue; otherwise nothing happens now and the
 * task's sweep finds the work (it is recorded in the database, not only in the queue).
 */
export async function enqueueJob(
  name: TaskName,
  data: object,
  options?: { singletonKey?: string },
): Promise<void> {
  const send = (globalThis as WithSender)[SENDER];
  if (!send) return;
  try {
    await send(name, data, options);
  } catch (error) {
    console.warn(`could not queue ${name}:`, (error as Error).message);
  }
}
