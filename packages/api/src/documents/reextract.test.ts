import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileStore } from "@ita/db/files";
import { attachments } from "@ita/db/schema";
import { createAgency, createPublicEntry, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { markAllForReading, readWaitingFiles, textProgress } from "./reextract.ts";

describeEachDriver("re-extracting the text of stored files", (use) => {
  it("reads every file again, stops when told and resumes where it stopped, with progress", async () => {
    const { db } = use();
    const files = createFileStore(mkdtempSync(join(tmpdir(), "ita-reextract-")));
    const agency = await createAgency(db, { type: "sao" });
    // Stored before extraction was right: text missing or with pdf.js's NULs dropped.
    for (const [i, text] of ["ไฟป่า ๒๕๖๘", "จัดซื้อจัดจ้าง", "เจตจำนง"].entries()) {
      await createPublicEntry(
        db,
        {
          agencyId: agency.id,
          fiscalYear: 2568,
          itemCode: `O${i + 1}`,
          files: [
            {
              fileName: `f${i}.txt`,
              contentType: "text/plain",
              bytes: new TextEncoder().encode(text),
              extractedText: "ไฟปา",
            },
          ],
        },
        files,
      );
    }
    const ctx = { db, files, send: async () => {} };
    await markAllForReading(db);
    expect(await textProgress(db)).toEqual({ waiting: 3, total: 3 });

    const seen: number[] = [];
    expect(
      await readWaitingFiles(ctx, { maxFiles: 1, onProgress: (p) => seen.push(p.waiting) }),
    ).toBe(1);
    expect(seen).toEqual([2]);
    // A second run picks up the two left.
    expect(await readWaitingFiles(ctx, { onProgress: (p) => seen.push(p.waiting) })).toBe(2);
    expect(seen).toEqual([2, 1, 0]);
    const rows = await db.select().from(attachments).where(eq(attachments.textState, "read"));
    expect(rows.map((r) => r.extractedText).sort()).toEqual(
      ["จัดซื้อจัดจ้าง", "ไฟป่า ๒๕๖๘", "เจตจำนง"].sort(),
    );
  });
});
