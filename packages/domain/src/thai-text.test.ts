import { describe, expect, it } from "vitest";
import { cleanThaiText, THAI_LEGACY_FROM, THAI_LEGACY_TO, thaiSearchKey } from "./thai-text.ts";

describe("cleanThaiText", () => {
  it("drops the NULs and control characters pdf.js leaves (PostgreSQL refuses NUL)", () => {
    expect(cleanThaiText("มั\u0000น ไฟป\u0000า\u0007\u001b")).toBe("มัน ไฟปา");
  });

  it("joins nikhahit + sara aa into sara am, also with a tone mark between", () => {
    expect(cleanThaiText("เจตจ\u0E4D\u0E32นง")).toBe("เจตจำนง");
    expect(cleanThaiText("น\u0E4D\u0E49\u0E32")).toBe("น้ำ");
    expect(cleanThaiText("น้\u0E4D\u0E32")).toBe("น้ำ");
  });

  it("maps the legacy private-use glyphs of Thai fonts to the standard marks", () => {
    expect(cleanThaiText("ป\uF70Aา ท\uF70Bอง ป\uF701ด \uF700าน")).toBe("ป่า ท้อง ปิด ฐาน");
    expect(THAI_LEGACY_FROM).toHaveLength(27);
    expect(THAI_LEGACY_TO).toHaveLength(27);
    expect(THAI_LEGACY_FROM.at(-1)).toBe("\uF71A");
  });

  it("keeps line breaks, collapses spaces and blank lines, removes zero-width characters", () => {
    expect(cleanThaiText("  ก\u200Bข  \t ค \r\n\n\n\n ง  ")).toBe("กข ค\n\nง");
  });

  it("repairs lone surrogates instead of failing", () => {
    expect(cleanThaiText("a\uD800b")).toBe("ab");
  });
});

describe("thaiSearchKey", () => {
  it("removes a line break a PDF put inside a Thai word, keeps it between Latin words", () => {
    expect(thaiSearchKey("การทุจริตและประพฤติ \nมิชอบ")).toBe("การทุจริตและประพฤติมิชอบ");
    expect(thaiSearchKey("E-Service\nOnline")).toBe("e-service online");
  });

  it("folds Thai digits to Arabic so ๒๕๖๘ finds 2568", () => {
    expect(thaiSearchKey("ปีงบประมาณ พ.ศ. ๒๕๖๘")).toBe("ปีงบประมาณ พ.ศ. 2568");
    expect(thaiSearchKey("๐๑๒๓๔๕๖๗๘๙")).toBe("0123456789");
  });

  it("applies every cleaning rule too", () => {
    expect(thaiSearchKey("จัดซื\u0000้อจัดจ\uF70Bาง เจตจ\u0E4D\u0E32นง O21")).toBe(
      "จัดซื้อจัดจ้าง เจตจำนง o21",
    );
  });
});
