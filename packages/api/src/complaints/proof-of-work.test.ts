import { complaints, spentFilingChallenges } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import type { ZodError } from "zod";
import { englishFieldErrors } from "../authz/field-error.ts";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";
import { resetComplaintRates } from "./client-throttle.ts";
import { fileComplaint } from "./file-complaint.ts";
import { forgetSpentChallenges, noScriptWaitMs } from "./proof-of-work.ts";
import { complainantCtx, filing, proofAt } from "./testing.ts";

const proofErrors = (e: unknown) => ({
  th: (e as ZodError).issues?.filter((i) => i.path[0] === "proof").map((i) => i.message),
  en: englishFieldErrors(e as ZodError).proof,
});

describeEachDriver("complaints: proof of work before filing", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });
  const count = async () => (await w.db.select().from(complaints)).length;
  const file = (input: object, ip: string | null = null) =>
    fileComplaint({ ctx: complainantCtx(w, ip), input: input as never }).catch((e: unknown) => e);

  it("refuses a missing, tampered or wrong proof with a translated error and writes nothing", async () => {
    const before = await count();
    const missing = await file({ ...(await filing(w, w.agencyA.id)), proof: undefined });
    expect(proofErrors(missing).th).toEqual([
      "ยังไม่ได้ยืนยันการส่งเรื่อง โปรดกดปุ่มส่งเรื่องจากหน้าตรวจสอบอีกครั้ง",
    ]);
    expect(proofErrors(missing).en).toEqual([
      "The submission was not confirmed. Send it again from the review page.",
    ]);

    const good = await proofAt(w.now);
    const challenge = JSON.parse(Buffer.from(good.challenge, "base64url").toString());
    challenge.parameters.data.issuedAt -= 1000; // tampered: the signature no longer matches
    const tampered = await file({
      ...(await filing(w, w.agencyA.id)),
      proof: { ...good, challenge: Buffer.from(JSON.stringify(challenge)).toString("base64url") },
    });
    const solution = JSON.parse(good.solution!);
    const wrong = await file({
      ...(await filing(w, w.agencyA.id)),
      proof: { ...good, solution: JSON.stringify({ ...solution, derivedKey: "00".repeat(32) }) },
    });
    const garbage = await file({
      ...(await filing(w, w.agencyA.id)),
      proof: { challenge: "not a challenge", solution: "{}" },
    });
    for (const e of [tampered, wrong, garbage])
      expect(proofErrors(e).en).toEqual([
        "The confirmation of this submission is not valid or has expired. Please send again.",
      ]);
    // Stale: issued more than an hour before.
    const stale = await file({
      ...(await filing(w, w.agencyA.id)),
      proof: await proofAt(new Date(w.now.getTime() - 61 * 60 * 1000)),
    });
    expect(proofErrors(stale).th?.[0]).toContain("หมดอายุ");
    expect(await count()).toBe(before);
    expect(await w.db.select().from(spentFilingChallenges)).toHaveLength(0);
  });

  it("files once per challenge: a replay under another form token is refused", async () => {
    const first = await filing(w, w.agencyA.id);
    const filed = await fileComplaint({ ctx: complainantCtx(w), input: first });
    expect(filed.reference).toMatch(/^2568\//);
    const before = await count();
    const replay = await file({ ...(await filing(w, w.agencyA.id)), proof: first.proof });
    expect(proofErrors(replay).en).toEqual([
      "This confirmation has already been used. Please send again.",
    ]);
    expect(await count()).toBe(before);
    // The same form again (a retry after a lost answer) is not a replay: same complaint.
    expect(await fileComplaint({ ctx: complainantCtx(w), input: first })).toEqual(filed);
  });

  it("lets a browser without JavaScript file after a wait, a few times per client", async () => {
    resetComplaintRates();
    const unsolved = await proofAt(w.now, false);
    const early = await file({ ...(await filing(w, w.agencyA.id)), proof: unsolved }, "192.0.2.1");
    expect(proofErrors(early).th?.[0]).toMatch(/^เพื่อป้องกันการส่งโดยอัตโนมัติ .*\(อีก 15 วินาที\)$/);
    expect(proofErrors(early).en?.[0]).toContain("(15 more seconds)");

    const issuedEarlier = new Date(w.now.getTime() - noScriptWaitMs());
    const results: unknown[] = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await file(
          { ...(await filing(w, w.agencyA.id)), proof: await proofAt(issuedEarlier, false) },
          "192.0.2.1",
        ),
      );
    expect(results.slice(0, 3).map((r) => (r as { reference?: string }).reference)).toEqual([
      expect.stringMatching(/^2568\//),
      expect.stringMatching(/^2568\//),
      expect.stringMatching(/^2568\//),
    ]);
    expect(errorCode(results[3])).toBe("RATE_LIMITED");
    // A solved proof is not held to that limit.
    const solved = await file(await filing(w, w.agencyA.id), "192.0.2.1");
    expect((solved as { reference?: string }).reference).toMatch(/^2568\//);
  });

  it("forgets spent challenges a day after they expired", async () => {
    const kept = (await w.db.select().from(spentFilingChallenges)).length;
    expect(kept).toBeGreaterThan(0);
    const later = new Date(w.now.getTime() + 26 * 60 * 60 * 1000);
    expect(await forgetSpentChallenges({ db: w.db, now: () => later })).toBe(kept);
  });
});
