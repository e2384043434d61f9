import { complaints } from "@ita/db/schema";
import { describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, type World } from "../authz/test-world.ts";
import { fileComplaint } from "./file-complaint.ts";
import { complainantCtx, filing } from "./testing.ts";

describeEachDriver("complaints: published statistics", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });

  it("count the real cases and suppress cells that could single someone out", async () => {
    const file = async (subject: string) =>
      fileComplaint({ ctx: complainantCtx(w), input: await filing(w, w.agencyA.id, { subject }) });
    for (let i = 0; i < 7; i++) await file("bribery");
    for (let i = 0; i < 2; i++) await file("procurement");
    await file("gifts");
    // Close six as unsubstantiated, after two days.
    const officer = await w.caller("officerA");
    const ids = (await w.db.select({ id: complaints.id }).from(complaints)).map((r) => r.id);
    for (const id of ids.slice(0, 6))
      await officer.complaints.move({ complaintId: id, to: "closed", outcome: "unsubstantiated" });
    await w.db
      .update(complaints)
      .set({ receivedAt: new Date("2025-03-05T03:00:00Z") })
      .where(eq(complaints.agencyId, w.agencyA.id));

    const anonymous = await w.caller("anonymous");
    const stats = await anonymous.complaints.statistics({ slug: w.agencyA.slug, fiscalYear: 2568 });
    expect(stats.total).toBe(10);
    expect(stats.bySubject.cells).toMatchObject({
      bribery: 7,
      procurement: null,
      gifts: null,
      other: 0,
    });
    // 4 still "received" is a small cell; "closed" (6) would give it away by subtraction.
    expect(stats.byState.cells).toEqual({
      received: null,
      screening: 0,
      investigating: 0,
      closed: null,
    });
    // Outcomes add up to the closed count, so they are hidden with it.
    expect(stats.byOutcome.cells).toMatchObject({ unsubstantiated: null, withdrawn: 0 });
    expect(stats.byOutcome.total).toBeNull();

    // One more closed case: 5 received (shown), 5 closed (shown), outcomes shown.
    await fileComplaint({ ctx: complainantCtx(w), input: await filing(w, w.agencyA.id) });
    const last = (
      await w.db.select({ id: complaints.id, state: complaints.state }).from(complaints)
    )
      .filter((r) => r.state === "received")
      .map((r) => r.id);
    await officer.complaints.move({ complaintId: last[0]!, to: "screening" });
    const more = await anonymous.complaints.statistics({ slug: w.agencyA.slug, fiscalYear: 2568 });
    expect(more.total).toBe(11);
    expect(stats.medianDaysToClose).toBe(2);
    expect(stats.medianDaysToAcknowledge).toBe(2);

    // Another agency's year with three cases publishes no number at all.
    for (let i = 0; i < 3; i++)
      await fileComplaint({ ctx: complainantCtx(w), input: await filing(w, w.agencyB.id) });
    const small = await anonymous.complaints.statistics({ slug: w.agencyB.slug, fiscalYear: 2568 });
    expect(small.total).toBeNull();
    expect(small.bySubject.cells.bribery).toBeNull();
    expect(small.medianDaysToAcknowledge).toBeNull();
  });
});
