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
});

/** The one place the API reads complaint settings (the keyring is crypto.ts's own). */
// eslint-disable-next-line no-restricted-syntax -- this module is the env reader
export function readComplaintEnv(env: Record<string, string | undefined> = process.env) {
  return ComplaintEnv.parse(env);
}
