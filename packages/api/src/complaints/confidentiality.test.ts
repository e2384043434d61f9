import { createFileStore, type FileStore } from "@ita/db/files";
import { agencies, complaints } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { buildWorld, type World } from "../authz/test-world.ts";
import {
  addKeyToKeyring,
  generateKeyring,
  loadKeyring,
  serializeKeyring,
  useKeyring,
  type Keyring,
} from "./crypto.ts";
import { AUTHOR, pdfWithAuthor, PDF_MARKER } from "../testing/evidence-files.ts";
import { attachDraftEvidence } from "./draft-evidence.ts";
import { useComplaintFileStore } from "./evidence-files.ts";
import { fileComplaint } from "./file-complaint.ts";
import { rewrapComplaintKeys } from "./rewrap-complaint-keys.ts";
import { complainantCtx, filing } from "./testing.ts";
import { trackComplaint } from "./track-complaint.ts";

const NAME = "ประยุทธ์ลับเฉพาะ ทดสอบรั่ว";
const PHONE = "0899990001";
const EMAIL = "whistle.secret@example.org";
const SENTENCE = "นายกเทศมนตรีรับเงินใต้โต๊ะจากผู้รับเหมาสร้างถนนสายบ้านป่าซาง";
const MESSAGE = "ข้อความลับของผู้ร้องถึงเจ้าหน้าที่ไม่ควรปรากฏในไฟล์สำรอง";
const FILE_NAME = "สำเนาใบเสร็จค่าน้ำร้อนน้ำชา.pdf";
const FORWARD_REASON = "ผู้รับเหมารายนี้ทำสัญญากับหน่วยงานปลายทางด้วย";

function pgDump(databaseName: string): string | null {
  const url = inject("itaTestDatabases").postgresUrl;
  const bin = ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"].find(existsSync);
  if (!url || !bin) return null;
  const u = new URL(url);
  u.pathname = `/${databaseName}`;
  return execFileSync(bin, ["--no-owner", u.toString()], { maxBuffer: 256 * 1024 * 1024 }).toString(
    "utf8",
  );
}

describeEachDriver("complaints: nothing readable at rest", (use, driver) => {
  let w: World;
  let storeDir: string;
  let store: FileStore;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    storeDir = mkdtempSync(join(tmpdir(), "ita-complaint-files-"));
    store = createFileStore(storeDir);
    useComplaintFileStore(store);
  });

  it("a database dump and the file store hold no complaint text, name, phone, e-mail, message or evidence, forwarded copy included", async () => {
    const input = await filing(w, w.agencyA.id, {
      description: SENTENCE,
      involved: NAME,
      identity: { name: NAME, phone: PHONE, email: EMAIL, consentToForward: true },
    });
    // Evidence whose text is readable in its own bytes (a control below).
    const pdf = await pdfWithAuthor();
    expect(Buffer.from(pdf).includes(PDF_MARKER)).toBe(true);
    await attachDraftEvidence({
      ctx: complainantCtx(w),
      input: { formToken: input.formToken, files: [{ name: FILE_NAME, bytes: pdf }] },
    });
    const filed = await fileComplaint({ ctx: complainantCtx(w), input });
    const officer = await w.caller("officerA");
    const [c] = await w.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, filed.reference));
    await officer.complaints.message({ complaintId: c!.id, body: MESSAGE });
    // Forwarded to B with the identity (consented): the copy is sealed again, under B's key.
    await createUser(w.db, { roles: [{ role: "complaint-officer", agencyId: w.agencyB.id }] });
    await officer.complaints.forward({
      complaintId: c!.id,
      target: "agency",
      agencySlug: w.agencyB.slug,
      reason: FORWARD_REASON,
      includeIdentity: true,
    });
    // The complaint is readable through the front door …
    const seen = await trackComplaint({
      ctx: complainantCtx(w),
      input: { code: filed.receiptCode },
    });
    expect(seen.content?.description).toBe(SENTENCE);
    expect(seen.files.map((f) => f.name)).toEqual([FILE_NAME]);
    expect(seen.forwardedTo).toHaveLength(1);

    // The file store: the sealed file and its forwarded copy, none of the evidence's text, name or author.
    const stored: string[] = [];
    for await (const f of store.list()) stored.push(f.key);
    expect(stored).toHaveLength(2);
    for (const key of stored) {
      const sealed = readFileSync(join(storeDir, key.slice(0, 2), key.slice(2, 4), key));
      for (const secret of [PDF_MARKER, AUTHOR, "%PDF", FILE_NAME, SENTENCE, NAME])
        expect(sealed.includes(Buffer.from(secret)), `file store: ${secret}`).toBe(false);
    }

    // … and nowhere in the dump, which does hold clear data (the agency's name: a control).
    const [agency] = await w.db
      .select({ name: agencies.nameTh })
      .from(agencies)
      .where(eq(agencies.id, w.agencyA.id));
    let dump: string;
    if (driver === "pglite") {
      await use().pglite!.exec("CHECKPOINT");
      const tar = await use().pglite!.dumpDataDir("none");
      dump = Buffer.from(await tar.arrayBuffer()).toString("latin1");
      // Thai text is searched as its UTF-8 bytes.
      const asBytes = (s: string) => Buffer.from(s, "utf8").toString("latin1");
      expect(dump.includes(asBytes(agency!.name))).toBe(true);
      for (const secret of [SENTENCE, NAME, MESSAGE, "ผู้รับเหมาสร้างถนน", FILE_NAME, FORWARD_REASON])
        expect(dump.includes(asBytes(secret)), secret).toBe(false);
      for (const secret of [PHONE, EMAIL, filed.receiptCode, PDF_MARKER, AUTHOR])
        expect(dump.includes(secret), secret).toBe(false);
      return;
    }
    const [{ name }] = (await use().db.execute("select current_database() as name")) as unknown as [
      { name: string },
    ];
    const text = pgDump(name);
    if (text === null) return; // no pg_dump binary on this machine
    expect(text).toContain("COPY public.complaints");
    expect(text).toContain("COPY public.complaint_files");
    expect(text).toContain(agency!.name);
    for (const secret of [
      SENTENCE,
      NAME,
      MESSAGE,
      PHONE,
      EMAIL,
      filed.receiptCode,
      "ผู้รับเหมาสร้างถนน",
      FILE_NAME,
      FORWARD_REASON,
      PDF_MARKER,
      AUTHOR,
    ])
      expect(text.includes(secret), secret).toBe(false);
  });
});

describe("complaint keyring", () => {
  it("is created once on first use, private to the owner, and read back the same", () => {
    const dir = mkdtempSync(join(tmpdir(), "ita-keyring-"));
    const env = { COMPLAINT_KEYRING_FILE: join(dir, "nested", "complaint-keyring.json") };
    const first = loadKeyring(env);
    const second = loadKeyring(env);
    expect(serializeKeyring(second)).toBe(serializeKeyring(first));
    expect(statSync(env.COMPLAINT_KEYRING_FILE).mode & 0o777).toBe(0o600);
    expect(first.keys.get(first.current)).toHaveLength(32);
  });

  it("can come from COMPLAINT_KEYRING instead of a file, and refuses a malformed one", () => {
    const k = generateKeyring();
    const fromEnv = loadKeyring({ COMPLAINT_KEYRING: serializeKeyring(k) });
    expect(serializeKeyring(fromEnv)).toBe(serializeKeyring(k));
    expect(() => loadKeyring({ COMPLAINT_KEYRING: '{"version":1}' })).toThrow();
    const file = join(mkdtempSync(join(tmpdir(), "ita-keyring-")), "k.json");
    expect(existsSync(file)).toBe(false);
    loadKeyring({ COMPLAINT_KEYRING: serializeKeyring(k), COMPLAINT_KEYRING_FILE: file });
    expect(existsSync(file)).toBe(false);
  });
});

describeEachDriver("complaints: key rotation", (use) => {
  let w: World;
  let original: Keyring;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
    original = generateKeyring();
    useKeyring(original);
  });

  it("re-wraps data keys under a new KEK, after which the old KEK can be dropped", async () => {
    const filed = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    const rotated = addKeyToKeyring(original, "k2");
    useKeyring(rotated);
    // New complaints use the new key at once; old ones still open with the old key.
    const fresh = await fileComplaint({
      ctx: complainantCtx(w),
      input: await filing(w, w.agencyA.id),
    });
    const withoutOld: Keyring = {
      ...rotated,
      keys: new Map([...rotated.keys].filter(([id]) => id !== original.current)),
    };
    useKeyring(withoutOld);
    await expect(
      trackComplaint({ ctx: complainantCtx(w), input: { code: filed.receiptCode } }),
    ).rejects.toThrow(/not in the keyring/);

    useKeyring(rotated);
    expect(await rewrapComplaintKeys({ ctx: w })).toBeGreaterThanOrEqual(1);
    expect(await rewrapComplaintKeys({ ctx: w })).toBe(0);
    useKeyring(withoutOld);
    for (const code of [filed.receiptCode, fresh.receiptCode]) {
      const seen = await trackComplaint({ ctx: complainantCtx(w), input: { code } });
      expect(seen.content?.description).toContain("สองพันบาท");
    }
    const kekIds = await w.db.selectDistinct({ id: complaints.kekId }).from(complaints);
    expect(kekIds).toEqual([{ id: "k2" }]);
  });
});
