import { complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, type World } from "../authz/test-world.ts";
import { loadKeyring, serializeKeyring, useKeyring } from "./crypto.ts";
import { fileComplaint } from "./file-complaint.ts";
import { purgeClosedComplaints } from "./purge-closed-complaints.ts";
import { pruneComplaintKeyring, rotateComplaintKeyring } from "./rotate-complaint-keyring.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";

const keyIds = (file: string) =>
  Object.keys((JSON.parse(readFileSync(file, "utf8")) as { keys: object }).keys);

describeEachDriver("complaints: rotating the key file (the operator's command)", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });

  it("rotates, keeps the old key while a running server may still use it, then prunes it; purged cases do not stop it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ita-rotate-"));
    const env = { COMPLAINT_KEYRING_FILE: join(dir, "complaint-keyring.json") };
    const original = loadKeyring(env); // created on first use
    useKeyring(original);
    const [oldKek] = keyIds(env.COMPLAINT_KEYRING_FILE);

    const open = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    // A case past retention: its key is gone, so there is nothing of it to re-wrap.
    const closed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    const [row] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, closed.reference));
    const officer = await w.caller("officerA");
    await officer.complaints.move({ complaintId: row!.id, to: "closed", outcome: "out-of-scope" });
    const later = () => new Date(w.now.getTime() + 400 * 86_400_000);
    expect(await purgeClosedComplaints({ ctx: { db: w.db, now: later }, retentionDays: 365 })).toBe(
      1,
    );

    const rotated = await rotateComplaintKeyring({ ctx: w, env });
    expect(rotated.rewrapped).toBeGreaterThanOrEqual(1);
    expect(rotated.current).not.toBe(oldKek);
    expect(keyIds(env.COMPLAINT_KEYRING_FILE).sort()).toEqual([oldKek, rotated.current].sort());
    expect(statSync(env.COMPLAINT_KEYRING_FILE).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["complaint-keyring.json"]); // no temporary file left

    // A server started before the rotation still wraps new complaints with the old key.
    useKeyring(original);
    const meanwhile = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });

    const pruned = await pruneComplaintKeyring({ ctx: w, env });
    expect(pruned).toEqual({ rewrapped: 1, removed: [oldKek] });
    expect(keyIds(env.COMPLAINT_KEYRING_FILE)).toEqual([rotated.current]);
    expect(await pruneComplaintKeyring({ ctx: w, env })).toEqual({ rewrapped: 0, removed: [] });

    // Restarted with the pruned file alone: every case opens, the purged one as purged.
    useKeyring(loadKeyring(env));
    for (const code of [open.receiptCode, meanwhile.receiptCode]) {
      const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code } });
      expect(seen.content?.description).toContain("สองพันบาท");
    }
    const gone = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: closed.receiptCode },
    });
    expect(gone).toMatchObject({ state: "closed", content: null });
  });

  it("refuses a keyring given by COMPLAINT_KEYRING: there is no file to write", async () => {
    const env = {
      COMPLAINT_KEYRING: serializeKeyring(
        loadKeyring({
          COMPLAINT_KEYRING_FILE: join(mkdtempSync(join(tmpdir(), "ita-rotate-")), "k.json"),
        }),
      ),
    };
    await expect(rotateComplaintKeyring({ ctx: w, env })).rejects.toThrow(/COMPLAINT_KEYRING/);
    await expect(pruneComplaintKeyring({ ctx: w, env })).rejects.toThrow(/COMPLAINT_KEYRING/);
  });
});
