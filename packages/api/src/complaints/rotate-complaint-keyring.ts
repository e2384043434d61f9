import { complaintDrafts, complaints } from "@ita/db/schema";
import { isNull } from "drizzle-orm";
import type { Context } from "../context.ts";
import {
  addKeyToKeyring,
  keyringFilePath,
  keyringFromEnvironment,
  loadKeyring,
  saveKeyringFile,
  useKeyring,
  type Keyring,
} from "./crypto.ts";
import { rewrapComplaintKeys } from "./rewrap-complaint-keys.ts";

type Env = Record<string, string | undefined>;

function fileOf(env: Env): string {
  if (keyringFromEnvironment(env))
    throw new Error(
      "complaint keyring: COMPLAINT_KEYRING is set, so there is no key file to rotate — " +
        "rotate the variable's keyring by hand (docs/deploy.md, 'Rotating the complaint key')",
    );
  return keyringFilePath(env);
}

/**
 * Key rotation, step 1 (ADR 0012; `pnpm --filter @ita/jobs complaint-keys rotate`): a new
 * current KEK is written to the key file, then every stored data key is re-wrapped under
 * it. The old KEKs stay in the file — a server started before the rotation still wraps
 * new complaints with them — until `pruneComplaintKeyring` after every server restarted.
 */
export async function rotateComplaintKeyring({
  ctx,
  env,
}: {
  ctx: Pick<Context, "db">;
  env: Env;
}): Promise<{ current: string; rewrapped: number }> {
  const file = fileOf(env);
  const rotated = addKeyToKeyring(loadKeyring(env));
  saveKeyringFile(file, rotated);
  useKeyring(rotated);
  return { current: rotated.current, rewrapped: await rewrapComplaintKeys({ ctx }) };
}

/**
 * Key rotation, step 2 (`… complaint-keys prune`, after every server was restarted with the
 * new key file): re-wraps what was filed meanwhile under the old KEK, then removes from the
 * file each KEK that no stored complaint or draft needs. Never removes the current one.
 */
export async function pruneComplaintKeyring({
  ctx,
  env,
}: {
  ctx: Pick<Context, "db">;
  env: Env;
}): Promise<{ rewrapped: number; removed: string[] }> {
  const file = fileOf(env);
  const keyring = loadKeyring(env);
  useKeyring(keyring);
  const rewrapped = await rewrapComplaintKeys({ ctx });
  const used = new Set(
    [
      ...(await ctx.db
        .selectDistinct({ id: complaints.kekId })
        .from(complaints)
        .where(isNull(complaints.purgedAt))),
      ...(await ctx.db.selectDistinct({ id: complaintDrafts.kekId }).from(complaintDrafts)),
    ].map((r) => r.id),
  );
  const removed = [...keyring.keys.keys()].filter((id) => id !== keyring.current && !used.has(id));
  const pruned: Keyring = {
    ...keyring,
    keys: new Map([...keyring.keys].filter(([id]) => !removed.includes(id))),
  };
  if (removed.length > 0) saveKeyringFile(file, pruned);
  useKeyring(pruned);
  return { rewrapped, removed };
}
