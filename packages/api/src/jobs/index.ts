export { enqueueJob, registerJobSender } from "./enqueue.ts";
export { TASKS, type TaskContext, type TaskName } from "./tasks.ts";
export { markAllForReading, readWaitingFiles, textProgress } from "../documents/reextract.ts";
export { sweepOrphanComplaintFiles } from "../complaints/purge-complaint-files.ts";
export {
  pruneComplaintKeyring,
  rotateComplaintKeyring,
} from "../complaints/rotate-complaint-keyring.ts";
