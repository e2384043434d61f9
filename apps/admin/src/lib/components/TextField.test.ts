import { describe, expect, it } from "vitest";
import { render, type } from "../../test/render.ts";
import TextField from "./TextField.svelte";

describe("TextField", () => {
  it("an input named by its label, described by its message only while there is one", () => {
    const root = render(TextField, { id: "email", label: "อีเมล", value: "", type: "email" });
    const input = root.querySelector<HTMLInputElement>("input#email")!;
    expect(root.querySelector('label[for="email"]')?.textContent).toBe("อีเมล");
    expect(input.type).toBe("email");
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(input.getAttribute("aria-describedby")).toBe("email-error");
    expect(root.querySelector("#email-error")).toBeNull();
  });

  it("with rows: a text area, its hint and the server's message beside it", () => {
    const root = render(TextField, {
      id: "body",
      label: "ข้อความ",
      value: "",
      rows: 4,
      hint: "ผู้ร้องจะเห็นข้อความนี้",
      error: "กรุณากรอกข้อความ",
    });
    const area = root.querySelector<HTMLTextAreaElement>("textarea#body")!;
    expect(root.querySelector("input")).toBeNull();
    expect(area.getAttribute("rows")).toBe("4");
    expect(area.getAttribute("aria-invalid")).toBe("true");
    expect(area.getAttribute("aria-describedby")).toBe("body-hint body-error");
    expect(root.querySelector("#body-hint")?.textContent).toBe("ผู้ร้องจะเห็นข้อความนี้");
    expect(root.querySelector("#body-error")?.textContent).toBe("กรุณากรอกข้อความ");
    type(area, "ขอเอกสารเพิ่มเติม");
    expect(area.value).toBe("ขอเอกสารเพิ่มเติม");
  });
});
