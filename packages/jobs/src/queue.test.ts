import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileStore } from "@ita/db/files";
import {
  attachments,
  disclosureEntries,
  disclosureVersions,
  searchDocuments,
} from "@ita/db/schema";
import { createAgency, createPublicEntry, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { enqueueJob } from "@ita/api/jobs";
import { startJobQueue } from "./queue.ts";

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeEachDriver("job queue (pg-boss)", (use) => {
  it("runs a queued document-text job in this process and refreshes the public search row", async () => {
    const { db } = use();
    const files = createFileStore(mkdtempSync(join(tmpdir(), "ita-jobs-")));
    const agency = await createAgency(db, { type: "sao" });
    const {
      entryId,
      attachments: [file],
    } = await createPublicEntry(
      db,
      {
        agencyId: agency.id,
        fiscalYear: 2568,
        itemCode: "O10",
        files: [
          {
            fileName: "notes.txt",
            contentType: "text/plain",
            bytes: new TextEncoder().encode("บันทึกการประชุมเรื่องหมอกควัน ๒๕๖๘"),
          },
        ],
      },
      files,
    );
    await db.update(attachments).set({ textState: "reading" }).where(eq(attachments.id, file!.id));

    const queue = await startJobQueue(use(), { work: true, files, pollingIntervalSeconds: 0.5 });
    try {
      await enqueueJob("document-text", { attachmentId: file!.id }, { singletonKey: file!.id });
      const row = await until(async () => {
        const [r] = await db.select().from(attachments).where(eq(attachments.id, file!.id));
        return r!.textState === "reading" ? undefined : r;
      });
      expect(row.textState).toBe("read");
      expect(row.extractedText).toContain("หมอกควัน");
      const [doc] = await db
        .select()
        .from(searchDocuments)
        .where(eq(searchDocuments.entryId, entryId));
      expect(doc!.searchText).toContain("หมอกควัน 2568");
    } finally {
      await queue.stop();
    }
    // Stopped: nothing is registered to send to any more.
    await expect(enqueueJob("document-text", { attachmentId: file!.id })).resolves.toBeUndefined();
  }, 60_000);

  it("publishes a scheduled revision that came due when the server queues publish-due", async () => {
    const { db } = use();
    const agency = await createAgency(db, { type: "sao" });
    const { entryId } = await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2568,
      itemCode: "O12",
      title: "แผนฉบับเดิม",
    });
    const revisionId = crypto.randomUUID();
    await db.insert(disclosureVersions).values({
      id: revisionId,
      entryId,
      versionNo: 2,
      title: "แผนฉบับปรับปรุง",
      descriptionHtml: "",
      links: [],
    });
    await db
      .update(disclosureEntries)
      .set({ scheduledVersionId: revisionId, publishAt: new Date(Date.now() - 60_000) })
      .where(eq(disclosureEntries.id, entryId));

    const queue = await startJobQueue(use(), { work: true, pollingIntervalSeconds: 0.5 });
    try {
      await queue.send("publish-due", {});
      const row = await until(async () => {
        const [r] = await db
          .select()
          .from(disclosureEntries)
          .where(eq(disclosureEntries.id, entryId));
        return r!.publishedVersionId === revisionId ? r : undefined;
      });
      expect(row.scheduledVersionId).toBeNull();
    } finally {
      await queue.stop();
    }
  }, 60_000);
});
