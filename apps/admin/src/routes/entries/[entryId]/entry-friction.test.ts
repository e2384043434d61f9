import { describe, expect, it, vi } from "vitest";
import { navigationGuards } from "../../../test/app-navigation.ts";
import { i18n } from "#lib/i18n.svelte.ts";
import { buttonNamed, render, settle, textOf, type } from "../../../test/render.ts";
import EntryAttachments from "./EntryAttachments.svelte";
import EntryContentForm from "./EntryContentForm.svelte";

const current = { title: "แผน 2568", descriptionSource: "", descriptionHtml: "", links: [] };

/** Plays an in-app navigation through the registered guards; true when one cancelled it. */
function navigate(): boolean {
  const cancel = vi.fn();
  for (const guard of navigationGuards) guard({ cancel, willUnload: false });
  return cancel.mock.calls.length > 0;
}

describe("unsaved edits", () => {
  it("asks before leaving with unsaved edits, and not after saving", async () => {
    navigationGuards.length = 0;
    const onsave = vi.fn(async () => {});
    const root = render(EntryContentForm, {
      entryState: "draft",
      current,
      fiscalYear: 2568,
      period: null,
      onsave,
    });
    const confirm = vi.fn((_message: string) => false);
    vi.stubGlobal("confirm", confirm);
    expect(navigate()).toBe(false);
    expect(confirm).not.toHaveBeenCalled();

    type(root.querySelector<HTMLInputElement>("#title"), "แผน 2569");
    expect(navigate()).toBe(true);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("ยังไม่ได้บันทึก"));

    buttonNamed(root, "บันทึก").click();
    await settle();
    await settle();
    expect(onsave).toHaveBeenCalledOnce();
    confirm.mockClear();
    expect(navigate()).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe("removing a file", () => {
  it("asks first, and removes only when confirmed", async () => {
    const onremove = vi.fn(async () => {});
    const root = render(EntryAttachments, {
      entryId: "e1",
      attachments: [
        {
          id: "f1",
          fileName: "สขร1.pdf",
          contentType: "application/pdf",
          sizeBytes: 10,
          hasText: false,
          textState: "none",
        },
      ],
      canAdd: false,
      canRemove: true,
      onremove,
      onuploaded: async () => {},
    });
    const confirm = vi.fn((_message: string) => false);
    vi.stubGlobal("confirm", confirm);
    root.querySelector<HTMLButtonElement>("button")!.click();
    await settle();
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("สขร1.pdf"));
    expect(onremove).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    root.querySelector<HTMLButtonElement>("button")!.click();
    await settle();
    expect(onremove).toHaveBeenCalledWith("f1");
    vi.unstubAllGlobals();
  });
});

describe("a refused removal", () => {
  const file = (id: string, fileName: string) => ({
    id,
    fileName,
    contentType: "application/msword",
    sizeBytes: 10,
    hasText: false,
    textState: "none",
  });
  const refusal = {
    data: {
      messageTh: "ไฟล์นี้อยู่ในฉบับที่เผยแพร่แล้ว ลบไม่ได้",
      messageEn: "This file is in a published version and cannot be removed.",
    },
  };

  it.each([
    ["th", "ลบไฟล์", "ไฟล์นี้อยู่ในฉบับที่เผยแพร่แล้ว ลบไม่ได้"],
    ["en", "Remove file", "This file is in a published version and cannot be removed."],
  ] as const)(
    "is said next to that file's remove button, which it describes (%s)",
    async (lang, remove, message) => {
      i18n.lang = lang;
      vi.stubGlobal("confirm", () => true);
      const root = render(EntryAttachments, {
        entryId: "e1",
        attachments: [file("f1", "a.doc"), file("f2", "b.doc")],
        canAdd: true,
        canRemove: true,
        onremove: vi.fn(async () => Promise.reject(refusal)),
        onuploaded: async () => {},
      });
      const button = buttonNamed(root, `${remove} b.doc`);
      button.click();
      await settle();

      const error = root.querySelector("#remove-f2-error");
      expect(textOf(error)).toBe(message);
      expect(error?.getAttribute("role")).toBe("alert");
      // Beside the button it belongs to, in that file's row; not at the top of the panel.
      expect(error?.closest("li")).toBe(button.closest("li"));
      expect(button.getAttribute("aria-describedby")).toBe("remove-f2-error");
      expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
      expect(buttonNamed(root, `${remove} a.doc`).hasAttribute("aria-describedby")).toBe(false);
      // The file chooser is not marked while no upload failed.
      expect(root.querySelector("#entry-files")?.hasAttribute("aria-invalid")).toBe(false);
      i18n.lang = "th";
      vi.unstubAllGlobals();
    },
  );
});
