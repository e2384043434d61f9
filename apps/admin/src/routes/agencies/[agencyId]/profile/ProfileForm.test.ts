import { describe, expect, it, vi } from "vitest";
import { i18n } from "#lib/i18n.svelte.ts";
import { agencyProfile } from "../../../../test/fixtures.ts";
import { buttonNamed, press, render, settle, textOf, type } from "../../../../test/render.ts";
import ProfileForm, { type ProfileInput } from "./ProfileForm.svelte";

const profile = agencyProfile;

const input = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${id}`);

describe("ProfileForm", () => {
  it("read only: every field is disabled and there is no save button", () => {
    const root = render(ProfileForm, { profile: profile({ readOnly: true }), onsave: vi.fn() });
    const fieldsets = [...root.querySelectorAll("fieldset")];
    expect(fieldsets.length).toBe(5);
    expect(fieldsets.every((f) => f.disabled)).toBe(true);
    expect(root.querySelector('button[type="submit"]')).toBeNull();
    expect(root.textContent).toContain("เฉพาะผู้ดูแลหน่วยงานแก้ไขข้อมูลนี้ได้");
  });

  it("starts from the stored profile and saves exactly what was edited, rows added and removed", async () => {
    const onsave = vi.fn(async (_input: ProfileInput) => {});
    const root = render(ProfileForm, { profile: profile(), onsave });
    expect(input(root, "p-address")?.value).toBe("ถนนอินทยงยศ");
    expect(input(root, "executives-name-0")?.value).toBe("นายก");

    type(input(root, "p-phone"), "053-000-111");
    press(root, "เพิ่มผู้บริหาร");
    type(input(root, "executives-name-1"), "รองนายก");
    type(input(root, "executives-positionTh-1"), "รองนายกเทศมนตรี");
    press(root, "ลบผู้บริหาร นายก");
    root.querySelector("form")!.requestSubmit();
    await settle();

    expect(onsave).toHaveBeenCalledTimes(1);
    const sent = onsave.mock.calls[0]![0];
    expect(sent).toMatchObject({
      nameTh: "เทศบาลเมืองลำพูน",
      nameEn: "",
      phone: "053-000-111",
      executives: [{ name: "รองนายก", positionTh: "รองนายกเทศมนตรี" }],
      socialLinks: [{ label: "Facebook", url: "https://facebook.com/lamphun" }],
    });
    expect(sent.complaintChannels.phone).toBe("053-511-000");
    expect(sent).toMatchObject({
      complaintAcknowledgeWorkingDays: "3",
      complaintDecideWorkingDays: "30",
    });
    expect(root.querySelector('[role="status"]')?.textContent).toBe("บันทึกแล้ว");
  });

  it("shows a refused field's message next to it, marks it invalid, and keeps the input", async () => {
    const refusal = {
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", fieldErrors: { website: ["ต้องขึ้นต้นด้วย http"] } },
    };
    const root = render(ProfileForm, {
      profile: profile(),
      onsave: vi.fn(async () => Promise.reject(refusal)),
    });
    type(input(root, "p-website"), "lamphun");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(root.querySelector("#p-website-error")?.textContent).toBe("ต้องขึ้นต้นด้วย http");
    expect(input(root, "p-website")?.getAttribute("aria-invalid")).toBe("true");
    expect(input(root, "p-website")?.getAttribute("aria-describedby")).toBe("p-website-error");
    expect(input(root, "p-website")?.value).toBe("lamphun");
    // A message for one field is not repeated as a general alert.
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('[role="status"]')).toBeNull();
  });

  it.each([
    ["th", "บันทึก", "คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้"],
    ["en", "Save", "You may not change this agency's profile."],
  ] as const)(
    "a refusal of no one field is said next to the save button, which it describes (%s)",
    async (lang, save, message) => {
      i18n.lang = lang;
      const refusal = {
        data: {
          messageTh: "คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้",
          messageEn: "You may not change this agency's profile.",
          // A field this form does not show (the agency's id) counts as no field.
          fieldErrors: { agencyId: ["ไม่พบหน่วยงาน"] },
        },
      };
      const root = render(ProfileForm, {
        profile: profile(),
        onsave: vi.fn(async () => Promise.reject(refusal)),
      });
      root.querySelector("form")!.requestSubmit();
      await settle();
      const button = buttonNamed(root, save);
      const error = root.querySelector("#profile-save-error");
      expect(textOf(error)).toBe(message);
      expect(error?.getAttribute("role")).toBe("alert");
      expect(button.nextElementSibling).toBe(error);
      expect(button.getAttribute("aria-describedby")).toBe("profile-live-note profile-save-error");
      expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
      // Nothing at the top of the form.
      expect(root.firstElementChild?.tagName).toBe("FORM");
      i18n.lang = "th";
    },
  );

  it("a refused complaint channel marks every channel field invalid and describes it", async () => {
    const refusal = {
      data: {
        messageTh: "ข้อมูลไม่ถูกต้อง",
        fieldErrors: { complaintChannels: ["อีเมลไม่ถูกต้อง"] },
      },
    };
    const root = render(ProfileForm, {
      profile: profile(),
      onsave: vi.fn(async () => Promise.reject(refusal)),
    });
    expect(input(root, "channel-email")?.getAttribute("aria-invalid")).toBe("false");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(textOf(root.querySelector("#channels-error"))).toBe("อีเมลไม่ถูกต้อง");
    expect(input(root, "channel-email")?.getAttribute("aria-invalid")).toBe("true");
    expect(input(root, "channel-email")?.getAttribute("aria-describedby")).toBe("channels-error");
    expect(root.querySelector("#profile-save-error")).toBeNull();
  });

  it("edits the complaint deadlines and shows a refused one's message by its field", async () => {
    const refusal = {
      data: {
        messageTh: "ข้อมูลไม่ถูกต้อง",
        fieldErrors: {
          complaintDecideWorkingDays: ["กำหนดพิจารณาให้แล้วเสร็จต้องไม่น้อยกว่ากำหนดตอบรับเรื่อง"],
        },
      },
    };
    const onsave = vi.fn(async (_input: ProfileInput) => Promise.reject(refusal));
    const root = render(ProfileForm, { profile: profile(), onsave });
    type(input(root, "p-complaintAcknowledgeWorkingDays"), "10");
    type(input(root, "p-complaintDecideWorkingDays"), "5");
    root.querySelector("form")!.requestSubmit();
    await settle();
    expect(onsave.mock.calls[0]![0]).toMatchObject({
      complaintAcknowledgeWorkingDays: "10",
      complaintDecideWorkingDays: "5",
    });
    expect(root.querySelector("#p-complaintDecideWorkingDays-error")?.textContent).toBe(
      "กำหนดพิจารณาให้แล้วเสร็จต้องไม่น้อยกว่ากำหนดตอบรับเรื่อง",
    );
    expect(input(root, "p-complaintDecideWorkingDays")?.getAttribute("aria-invalid")).toBe("true");
  });
});
