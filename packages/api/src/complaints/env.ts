import { z } from "zod";

const ComplaintEnv = z.object({
  /**
   * Days after closing when a complaint's content, identity, messages and data key are
   * destroyed; its statistics row stays. Default three years (ADR 0012).
   */
  COMPLAINT_RETENTION_DAYS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(30).max(36_500).default(1095),
  ),
  /**
   * Where evidence files are kept, sealed (default <repo>/.data/complaint-files). A
   * store of their own: every file in it belongs to exactly one complaint or draft.
   */
  COMPLAINT_FILES_DIR: z.string().optional(),
  /**
   * Proof of work before filing (ADR 0024): PBKDF2 iterations per attempt, and the
   * largest counter a challenge may need (half of it on average). The defaults take a
   * phone a second or two; tests and benchmarks make it trivial.
   */
  COMPLAINT_POW_COST: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  ),
  COMPLAINT_POW_COUNTER_MAX: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(2).max(10_000_000).default(4_000),
  ),
  /** The slower path without JavaScript: seconds between the final step and sending. */
  COMPLAINT_POW_NO_SCRIPT_WAIT_SECONDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(600).default(15),
  ),
});

/** The one place the API reads complaint settings (the keyring is crypto.ts's own). */
// eslint-disable-next-line no-restricted-syntax -- this module is the env reader
export function readComplaintEnv(env: Record<string, string | undefined> = process.env) {
  return ComplaintEnv.parse(env);
}
