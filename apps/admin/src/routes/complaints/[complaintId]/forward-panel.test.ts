import { describe, expect, it, vi } from "vitest";
import { press, render, settle, textOf, type } from "../../../test/render.ts";
import ForwardPanel from "./ForwardPanel.svelte";

const api = vi.hoisted(() => ({ forward: vi.fn(), findAgencies: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    complaints: {
      forward: { mutate: api.forward },
      findAgencies: { query: api.findAgencies },
    },
  },
}));

const panel = (identityConsent: "anonymous" | "consented" | "not-consented") => {
  const onforwarded = vi.fn();
  const root = render(ForwardPanel, {
    complaintId: "c-1",
    agencySlug: "lamphun",
    identityConsent,
    files: 2,
    onforwarded,
  });
  return { root, onforwarded };
};
const radio = (root: HTMLElement, value: string) => {
  root.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!.click();
  return settle();
};

describe("forward panel", () => {
  it("to the NACC: asks for the letter's number and passes the identity only when ticked", async () => {
    api.forward.mockResolvedValue({ outcome: "forwarded-nacc", reference: "ลพ 0023/7" });
    const { root, onforwarded } = panel("consented");
    expect(root.querySelector("#forward-letter")).toBeNull();
    await radio(root, "nacc");
    type(root.querySelector("#forward-letter"), "ลพ 0023/7");
    type(root.querySelector("#forward-reason"), "เป็นเรื่องของผู้บริหารท้องถิ่น");
    root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await settle();
    expect(textOf(root.querySelector('[data-testid="forward-what-goes"]'))).toContain(
      "ระบบไม่ได้ส่งข้อมูลใดไปยัง ป.ป.ช.",
    );
    press(root, "ส่งต่อและปิดเรื่องนี้");
    await settle();
    expect(api.forward).toHaveBeenLastCalledWith({
      complaintId: "c-1",
      target: "nacc",
      letterNumber: "ลพ 0023/7",
      reason: "เป็นเรื่องของผู้บริหารท้องถิ่น",
      includeIdentity: true,
    });
    expect(onforwarded).toHaveBeenCalledWith("บันทึกการส่งต่อสำนักงาน ป.ป.ช. แล้ว (หนังสือเลขที่ ลพ 0023/7)");
  });

  it("to an agency: never offers its own agency, says what goes, and shows a refusal by its field", async () => {
    api.findAgencies.mockResolvedValue([
      { slug: "lamphun", nameTh: "จังหวัดลำพูน", nameEn: null, provinceTh: "ลำพูน", provinceEn: null },
      {
        slug: "lao-yao-sao",
        nameTh: "องค์การบริหารส่วนตำบลเหล่ายาว",
        nameEn: null,
        provinceTh: "ลำพูน",
        provinceEn: null,
      },
    ]);
    api.forward.mockRejectedValue({
      data: {
        messageTh: "ข้อมูลไม่ถูกต้อง",
        fieldErrors: { agencySlug: ["หน่วยงานนี้ยังไม่มีเจ้าหน้าที่เรื่องร้องเรียนในระบบ"] },
      },
    });
    const { root, onforwarded } = panel("not-consented");
    // No consent: no way to tick the identity along, and the officer is told why.
    expect(root.querySelector('input[type="checkbox"]')).toBeNull();
    expect(textOf(root)).toContain("ผู้ร้องไม่ยินยอมให้ส่งข้อมูลตัวตนต่อ");
    await radio(root, "agency");
    type(root.querySelector("#forward-q"), "ลำพูน");
    press(root, "ค้นหา");
    await settle();
    expect(api.findAgencies).toHaveBeenLastCalledWith({ q: "ลำพูน" });
    const offered = [...root.querySelectorAll<HTMLInputElement>('input[name="forward-agency"]')];
    expect(offered.map((i) => i.value)).toEqual(["lao-yao-sao"]);
    expect(textOf(root.querySelector('[data-testid="forward-what-goes"]'))).toContain(
      "องค์การบริหารส่วนตำบลเหล่ายาว: หน่วยงานปลายทางจะได้รับเรื่องใหม่ที่มีรายละเอียดเรื่องร้องเรียนและไฟล์หลักฐาน 2 ไฟล์ โดยไม่มีข้อมูลตัวตนของผู้ร้อง",
    );
    type(root.querySelector("#forward-reason"), "ผู้ถูกร้องสังกัดหน่วยงานนี้");
    press(root, "ส่งต่อและปิดเรื่องนี้");
    await settle();
    expect(api.forward).toHaveBeenLastCalledWith({
      complaintId: "c-1",
      target: "agency",
      agencySlug: "lao-yao-sao",
      reason: "ผู้ถูกร้องสังกัดหน่วยงานนี้",
      includeIdentity: false,
    });
    expect(textOf(root.querySelector("#agencySlug-error"))).toBe(
      "หน่วยงานนี้ยังไม่มีเจ้าหน้าที่เรื่องร้องเรียนในระบบ",
    );
    expect(textOf(root.querySelector("#forward-reason-error"))).toBe("");
    expect(onforwarded).not.toHaveBeenCalled();
  });
});
